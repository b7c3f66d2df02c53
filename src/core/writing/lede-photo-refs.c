/* lede-photo-refs.c: the pictures a story's body names.
 *
 * A picture in the body is a Markdown image alone on its line whose
 * address is "lede-photo:" and the photo's SHA-256: the bracket text
 * mirrors the photo's alt text (the LedePhoto holds the truth), so the
 * editor reads it back here and writes it with lede_photo_refs_make_line().
 * Lines inside fenced code are text, not pictures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-writing"

#include "config.h"

#include <string.h>

#include "lede-photo-refs.h"

/* "```" or "~~~" (three or more) after at most three spaces: the fence's
 * character and length, or 0. */
static guint
fence_of (const char *line,
          const char *end,
          char       *mark)
{
  const char *p = line;
  guint n = 0;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (p >= end || (*p != '`' && *p != '~'))
    return 0;
  *mark = *p;
  while (p < end && *p == *mark)
    p++, n++;
  return n >= 3 ? n : 0;
}

/* Whether [line, end) is one picture line; fills @ref's offsets. */
static gboolean
parse_line (const char   *line,
            const char   *end,
            LedePhotoRef *ref)
{
  const char *p = line;
  const char *alt;
  const char *sha;

  while (p < end && *p == ' ' && p - line < 3)
    p++;
  if (end - p < 2 || p[0] != '!' || p[1] != '[')
    return FALSE;
  p += 2;
  alt = p;
  /* The bracket text: backslash escapes, no bracket of its own. */
  while (p < end && *p != ']')
    {
      if (*p == '[')
        return FALSE;
      if (*p == '\\' && p + 1 < end)
        p++;
      p++;
    }
  if (p >= end)
    return FALSE;
  ref->alt_start = alt - line;
  ref->alt_end = p - line;
  p++;
  if (end - p < 1 || *p != '(')
    return FALSE;
  p++;
  if ((gsize)(end - p) < strlen (LEDE_PHOTO_REFS_SCHEME) + 64 + 1 ||
      strncmp (p, LEDE_PHOTO_REFS_SCHEME, strlen (LEDE_PHOTO_REFS_SCHEME)) != 0)
    return FALSE;
  sha = p + strlen (LEDE_PHOTO_REFS_SCHEME);
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (sha[i]) || g_ascii_isupper (sha[i]))
      return FALSE;
  p = sha + 64;
  if (*p != ')')
    return FALSE;
  for (p++; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  memcpy (ref->sha256, sha, 64);
  ref->sha256[64] = '\0';
  ref->line_end = end - line;
  return TRUE;
}

/**
 * lede_photo_refs_find:
 * @body: a story's Markdown
 *
 * Returns: (transfer full) (element-type LedePhotoRef): the picture lines
 *   in @body, in order
 */
GArray *
lede_photo_refs_find (const char *body)
{
  GArray *refs = g_array_new (FALSE, TRUE, sizeof (LedePhotoRef));
  const char *line = body;
  guint number = 0;
  char fence = 0;
  guint fence_len = 0;

  g_return_val_if_fail (body != NULL, refs);

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      LedePhotoRef ref = { 0 };
      char mark = 0;
      guint len;

      if (end == NULL)
        end = line + strlen (line);
      len = fence_of (line, end, &mark);
      if (fence != 0)
        {
          if (len >= fence_len && mark == fence)
            fence = 0;
        }
      else if (len > 0)
        {
          fence = mark;
          fence_len = len;
        }
      else if (parse_line (line, end, &ref))
        {
          ref.line = number;
          g_array_append_val (refs, ref);
        }
      if (*end == '\0')
        break;
      line = end + 1;
      number++;
    }
  return refs;
}

/**
 * lede_photo_refs_dup_alt:
 * @body_line: the start of @ref's line
 *
 * Returns: (transfer full): the bracket text as a reader sees it, its
 *   backslash escapes taken out
 */
char *
lede_photo_refs_dup_alt (const char         *body_line,
                         const LedePhotoRef *ref)
{
  GString *alt = g_string_new (NULL);

  for (guint i = ref->alt_start; i < ref->alt_end; i++)
    {
      if (body_line[i] == '\\' && i + 1 < ref->alt_end && g_ascii_ispunct (body_line[i + 1]))
        i++;
      g_string_append_c (alt, body_line[i]);
    }
  return g_string_free (alt, FALSE);
}

/**
 * lede_photo_refs_escape_alt:
 *
 * Returns: (transfer full): @alt as bracket text: on one line, with
 *   backslashes and brackets escaped
 */
char *
lede_photo_refs_escape_alt (const char *alt)
{
  GString *text = g_string_new (NULL);

  for (const char *p = alt ? alt : ""; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (text, ' ');
      else
        {
          if (*p == '\\' || *p == '[' || *p == ']')
            g_string_append_c (text, '\\');
          g_string_append_c (text, *p);
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * lede_photo_refs_make_line:
 *
 * Returns: (transfer full): the picture's line, without a newline
 */
char *
lede_photo_refs_make_line (const char *alt,
                           const char *sha256)
{
  g_autofree char *escaped = lede_photo_refs_escape_alt (alt);

  return g_strdup_printf ("![%s](" LEDE_PHOTO_REFS_SCHEME "%s)", escaped, sha256);
}
