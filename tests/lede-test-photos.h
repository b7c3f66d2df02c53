/* lede-test-photos.h: real image files for the tests, made here with
 * GdkPixbuf (and by hand for GIF), their metadata written with the exiv2
 * command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>

G_BEGIN_DECLS

/* A picture @width × @height, its left half red and its right half blue,
 * so which way it is turned can be seen. */
static inline GdkPixbuf *
lede_test_make_pixbuf (int width,
                       int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = x < width / 2 ? 220 : 20;
        p[1] = 30;
        p[2] = x < width / 2 ? 20 : 220;
      }
  return pixbuf;
}

/* Writes a @type ("jpeg", "png", "webp") file of that picture at @dir/@name. */
static inline char *
lede_test_make_image (const char *dir,
                      const char *name,
                      const char *type,
                      int         width,
                      int         height)
{
  g_autoptr (GdkPixbuf) pixbuf = lede_test_make_pixbuf (width, height);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
  return path;
}

/* A 2 × 2 GIF, written byte by byte (GdkPixbuf does not write GIF). */
static inline char *
lede_test_make_gif (const char *dir,
                    const char *name)
{
  static const guchar gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 2, 0, 2, 0, 0x80, 0, 0,
    0xff, 0, 0, 0, 0, 0xff,                               /* red, blue */
    0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0,                      /* image descriptor */
    2, 3, 0x44, 0x02, 0x05, 0,                            /* LZW: 0 1 1 0 */
    0x3b,
  };
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *)gif, sizeof gif, NULL));
  return path;
}

/* Runs `exiv2 -M CMD … FILE`; FALSE when exiv2 is not installed. */
static inline gboolean
lede_test_exiv2 (const char         *file,
                 const char * const *commands)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *exiv2 = g_find_program_in_path ("exiv2");
  g_autofree char *err = NULL;
  int status = 0;

  if (exiv2 == NULL)
    return FALSE;
  g_ptr_array_add (argv, g_strdup (exiv2));
  for (guint i = 0; commands[i]; i++)
    g_ptr_array_add (argv, g_strdup_printf ("-M%s", commands[i]));
  g_ptr_array_add (argv, g_strdup (file));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("exiv2 failed on %s: %s", file, err);
  return TRUE;
}

G_END_DECLS
