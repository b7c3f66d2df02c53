/* lede-library-service.h: the D-Bus method by which lede-cli asks the Lede
 * that has a library open to run a command that writes to it.
 *
 *   Run (ay library, aay argv, ay cwd) → (i exit_code, ay stdout, ay stderr)
 *
 * exported by the Lede application at LEDE_LIBRARY_SERVICE_PATH on its
 * well-known name (APP_ID). A Lede without that library open answers with
 * the error LEDE_LIBRARY_SERVICE_ERROR_NOT_OPEN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define LEDE_LIBRARY_SERVICE_PATH            "/io/github/ledeapp/Lede/Library"
#define LEDE_LIBRARY_SERVICE_INTERFACE       "io.github.ledeapp.Lede.Library"
#define LEDE_LIBRARY_SERVICE_ERROR_NOT_OPEN  "io.github.ledeapp.Lede.Library.Error.NotOpen"

#define LEDE_LIBRARY_SERVICE_XML \
  "<node>" \
  "  <interface name='" LEDE_LIBRARY_SERVICE_INTERFACE "'>" \
  "    <method name='Run'>" \
  "      <arg type='ay' name='library' direction='in'/>" \
  "      <arg type='aay' name='argv' direction='in'/>" \
  "      <arg type='ay' name='cwd' direction='in'/>" \
  "      <arg type='i' name='exit_code' direction='out'/>" \
  "      <arg type='ay' name='stdout' direction='out'/>" \
  "      <arg type='ay' name='stderr' direction='out'/>" \
  "    </method>" \
  "  </interface>" \
  "</node>"
