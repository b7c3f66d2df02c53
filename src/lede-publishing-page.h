/* lede-publishing-page.h: Preferences → Publishing: the WordPress sites
 * Lede publishes to; Add Site…, Remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_PUBLISHING_PAGE (lede_publishing_page_get_type ())

G_DECLARE_FINAL_TYPE (LedePublishingPage, lede_publishing_page, LEDE, PUBLISHING_PAGE, AdwPreferencesPage)

LedePublishingPage *lede_publishing_page_new        (void);
GtkWindow          *lede_publishing_page_add_site   (LedePublishingPage *self);
gboolean            lede_publishing_page_is_busy    (LedePublishingPage *self);

G_END_DECLS
