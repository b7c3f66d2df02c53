/* lede-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_APPLICATION (lede_application_get_type ())

G_DECLARE_FINAL_TYPE (LedeApplication, lede_application, LEDE, APPLICATION, AdwApplication)

typedef struct {
  const char *action;
  const char *accels[3];
} LedeAccel;

LedeApplication *lede_application_new        (void);
const LedeAccel *lede_application_get_accels (guint *n);

G_END_DECLS
