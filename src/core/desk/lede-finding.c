/* lede-finding.c: one thing the copy desk's checks found in a story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-finding.h"

G_DEFINE_BOXED_TYPE (LedeFinding, lede_finding, lede_finding_copy, lede_finding_free)

LedeFinding *
lede_finding_new (LedeCheckKind  kind,
                  LedeSeverity   severity,
                  LedeField      field,
                  const char    *text,
                  const char    *message)
{
  LedeFinding *finding = g_new0 (LedeFinding, 1);

  finding->kind = kind;
  finding->severity = severity;
  finding->field = field;
  finding->text = g_strdup (text ? text : "");
  finding->message = g_strdup (message ? message : "");
  return finding;
}

LedeFinding *
lede_finding_copy (const LedeFinding *finding)
{
  LedeFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);
  copy = g_memdup2 (finding, sizeof *finding);
  copy->text = g_strdup (finding->text);
  copy->message = g_strdup (finding->message);
  copy->rule = g_strdup (finding->rule);
  copy->fix = g_strdup (finding->fix);
  return copy;
}

void
lede_finding_free (LedeFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->text);
  g_free (finding->message);
  g_free (finding->rule);
  g_free (finding->fix);
  g_free (finding);
}

/* Most severe first; then the fields in the order a reader meets them
 * (headline, standfirst, body…), then by place. */
int
lede_finding_compare (const LedeFinding *a,
                      const LedeFinding *b)
{
  static const int field_order[] = {
    [LEDE_FIELD_HEADLINE] = 0, [LEDE_FIELD_STANDFIRST] = 1, [LEDE_FIELD_BODY] = 2, [LEDE_FIELD_SLUG] = 3,
    [LEDE_FIELD_BYLINE] = 4, [LEDE_FIELD_TAGS] = 5, [LEDE_FIELD_EMBARGO] = 6, [LEDE_FIELD_WORD_GOAL] = 7,
    [LEDE_FIELD_LANGUAGE] = 8, [LEDE_FIELD_PHOTOS] = 9, [LEDE_FIELD_DEADLINE] = 10,
    [LEDE_FIELD_PRINT_HEADLINE] = 0, [LEDE_FIELD_SEO_TITLE] = 0, [LEDE_FIELD_SOCIAL_HEADLINE] = 0,
  };

  if (a->severity != b->severity)
    return a->severity < b->severity ? -1 : 1;
  if (a->field != b->field)
    return field_order[a->field] - field_order[b->field];
  if (a->offset != b->offset)
    return a->offset < b->offset ? -1 : 1;
  return (int)a->kind - (int)b->kind;
}

/**
 * lede_finding_dup_place:
 *
 * Returns: (transfer full): where the finding is, in words: "Graf 3, line
 *   7", "Line 2" (outside any graf, as in a heading), or the field's name
 */
char *
lede_finding_dup_place (const LedeFinding *finding)
{
  switch (finding->field)
    {
    case LEDE_FIELD_BODY:
      if (finding->graf > 0)
        return g_strdup_printf (_("Graf %u, line %u"), finding->graf, finding->line);
      return g_strdup_printf (_("Line %u"), finding->line);
    case LEDE_FIELD_HEADLINE:
      return g_strdup (_("Headline"));
    case LEDE_FIELD_STANDFIRST:
      return g_strdup (_("Standfirst"));
    case LEDE_FIELD_SLUG:
      return g_strdup (_("Slug"));
    case LEDE_FIELD_BYLINE:
      return g_strdup (_("Byline"));
    case LEDE_FIELD_TAGS:
      return g_strdup (_("Tags"));
    case LEDE_FIELD_EMBARGO:
      return g_strdup (_("Embargo"));
    case LEDE_FIELD_WORD_GOAL:
      return g_strdup (_("Word goal"));
    case LEDE_FIELD_LANGUAGE:
      return g_strdup (_("Language"));
    case LEDE_FIELD_PHOTOS:
      return g_strdup_printf (_("Photo %u"), finding->offset + 1);
    case LEDE_FIELD_DEADLINE:
      return g_strdup (_("Deadline"));
    case LEDE_FIELD_PRINT_HEADLINE:
      return g_strdup (_("Print headline"));
    case LEDE_FIELD_SEO_TITLE:
      return g_strdup (_("SEO title"));
    case LEDE_FIELD_SOCIAL_HEADLINE:
      return g_strdup (_("Social headline"));
    default:
      g_assert_not_reached ();
    }
}

/* The names lede-cli's --json uses: stable, never translated. */
const char *
lede_check_kind_to_string (LedeCheckKind kind)
{
  static const char * const names[] = {
    "attribution", "names", "placeholder", "weekday", "percentage", "length", "ready", "embargo", "language", "photo",
    "review", "style", "wire", "deadline",
    "quote", "date", "quote-changed",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == LEDE_CHECK_QUOTE_CHANGED + 1);
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), "");
  return names[kind];
}

const char *
lede_severity_to_string (LedeSeverity severity)
{
  static const char * const names[] = { "blocking", "warning", "note" };

  g_return_val_if_fail (severity < G_N_ELEMENTS (names), "");
  return names[severity];
}

/* For people: the word shown beside the colour. */
const char *
lede_severity_get_label (LedeSeverity severity)
{
  switch (severity)
    {
    case LEDE_SEVERITY_BLOCKING:
      return _("Blocking");
    case LEDE_SEVERITY_WARNING:
      return _("Warning");
    case LEDE_SEVERITY_NOTE:
      return _("Note");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
lede_field_to_string (LedeField field)
{
  static const char * const names[] = {
    "body", "headline", "standfirst", "slug", "byline", "tags", "embargo", "word-goal", "language", "photos",
    "deadline", "print-headline", "seo-title", "social-headline",
  };

  g_return_val_if_fail (field < G_N_ELEMENTS (names), "");
  return names[field];
}
