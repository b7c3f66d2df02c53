/* lede-fuzz.h: what every fuzz target shares.
 *
 * Each target is a libFuzzer entry point over one part of the core. A crash,
 * a sanitizer report, a GLib critical or warning, or a broken promise
 * (checked with lede_fuzz_check) is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define lede_fuzz_check(condition, ...) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        fprintf (stderr, "lede-fuzz: %s:%d: %s: ", __FILE__, __LINE__, #condition); \
        fprintf (stderr, __VA_ARGS__); \
        fputc ('\n', stderr); \
        abort (); \
      } \
  } G_STMT_END

static inline void
lede_fuzz_init (void)
{
  /* Quiet: the core's debug messages would drown the fuzzer's own. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* Most targets need nothing more before the first input; one that does
 * defines LEDE_FUZZ_OWN_INIT and its own LLVMFuzzerInitialize(). */
#ifndef LEDE_FUZZ_OWN_INIT
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  lede_fuzz_init ();
  return 0;
}
#endif

/* The input as a NUL-terminated string (it may hold NULs and any bytes). */
static inline char *
lede_fuzz_string (const uint8_t *data,
                  size_t         size)
{
  return g_strndup ((const char *)data, size);
}
