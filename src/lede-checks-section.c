/* lede-checks-section.c: the panel's list of what the copy desk's checks
 * found, most severe first; a row takes the writer to what it is about, and
 * a house style finding's Replace button makes its fix.
 *
 * It only shows findings it is handed: the panel runs the checks on a
 * worker thread, a moment after typing pauses. Each row says its severity
 * in a word as well as a colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-checks-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lede-checks.h"
#include "lede-checks-section.h"

/* Findings listed by row; the rest are counted. */
#define MAX_ROWS 50

struct _LedeChecksSection
{
  GtkWidget             parent_instance;

  AdwPreferencesGroup  *group;
  GtkListBox           *findings_list;

  GPtrArray            *findings;
};

G_DEFINE_FINAL_TYPE (LedeChecksSection, lede_checks_section, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  FIX_ACTIVATED,
  ACCEPT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/**
 * lede_checks_section_make_row:
 *
 * Returns: (transfer floating): a row for @finding: its message, its
 *   severity as an icon in its colour and as a word, and where it is; the
 *   export dialog lists findings with the same rows
 */
GtkWidget *
lede_checks_section_make_row (const LedeFinding *finding)
{
  static const char * const icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic" };
  static const char * const classes[] = { "error", "warning", "dim-label" };
  g_autofree char *place = lede_finding_dup_place (finding);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", lede_severity_get_label (finding->severity), place);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[finding->severity]);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (icon, classes[finding->severity]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lede_severity_get_label (finding->severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
fix_clicked_cb (LedeChecksSection *self,
                GtkButton         *button)
{
  LedeFinding *finding = g_object_get_data (G_OBJECT (button), "lede-finding");

  g_signal_emit (self, signals [FIX_ACTIVATED], 0, finding);
}

static void
accept_clicked_cb (LedeChecksSection *self,
                   GtkButton         *button)
{
  LedeFinding *finding = g_object_get_data (G_OBJECT (button), "lede-finding");

  g_signal_emit (self, signals [ACCEPT_ACTIVATED], 0, finding);
}

/* House style's fix (or a quotation's earlier words), where the editor
 * can make it: one click, one undo step; the row itself still only
 * selects the words. */
static void
add_fix_button (LedeChecksSection *self,
                GtkWidget         *row,
                LedeFinding       *finding)
{
  g_autofree char *label = NULL;
  GtkWidget *button;

  if (finding->fix == NULL || finding->length == 0 ||
      (finding->field != LEDE_FIELD_BODY && finding->field != LEDE_FIELD_HEADLINE))
    return;
  /* A reworded quotation: its words put back, or the new ones accepted. */
  if (finding->kind == LEDE_CHECK_QUOTE_CHANGED)
    {
      GtkWidget *accept = gtk_button_new_with_label (_("Accept Wording"));

      gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (accept, _("The new words are the speaker’s: stop asking about this quotation"));
      g_object_set_data (G_OBJECT (accept), "lede-finding", finding);
      g_signal_connect_object (accept, "clicked", G_CALLBACK (accept_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
      label = g_strdup (_("Put Back"));
    }
  /* TRANSLATORS: a button on a house style finding; %s is what replaces the words */
  else
    label = *finding->fix ? g_strdup_printf (_("Replace with “%s”"), finding->fix) : g_strdup (_("Remove"));
  button = gtk_button_new_with_label (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Replace the words in the story (Ctrl+Z undoes it)"));
  g_object_set_data (G_OBJECT (button), "lede-finding", finding);
  g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
add_finding_row (LedeChecksSection *self,
                 LedeFinding       *finding)
{
  GtkWidget *row = lede_checks_section_make_row (finding);

  add_fix_button (self, row, finding);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show it in the story"));
  g_object_set_data (G_OBJECT (row), "lede-finding", finding);
  gtk_list_box_append (self->findings_list, row);
}

static void
add_text_row (LedeChecksSection *self,
              const char        *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->findings_list, row);
}

/**
 * lede_checks_section_show:
 * @findings: (element-type LedeFinding): most severe first, as
 *   lede_checks_run() gives them; the section keeps a reference
 * @quotations: how many direct quotations the story has
 * @attributed: how many of them are credited to a linked source
 */
void
lede_checks_section_show (LedeChecksSection *self,
                          GPtrArray         *findings,
                          guint              quotations,
                          guint              attributed)
{
  g_autofree char *summary = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (LEDE_IS_CHECKS_SECTION (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))))
    gtk_list_box_remove (self->findings_list, child);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings ? g_ptr_array_ref (findings) : NULL;

  for (; findings && shown < findings->len && shown < MAX_ROWS; shown++)
    add_finding_row (self, g_ptr_array_index (findings, shown));
  if (findings && findings->len > shown)
    {
      g_autofree char *more = g_strdup_printf (_("…and %u more"), findings->len - shown);
      add_text_row (self, more);
    }
  if (findings == NULL)
    {
      /* Before the first run: nothing is known yet. */
      add_text_row (self, _("Not checked yet"));
      adw_preferences_group_set_description (self->group, NULL);
      return;
    }
  if (shown == 0)
    add_text_row (self, _("Nothing to check: no placeholders, unattributed quotations, doubtful names, dates or figures"));

  summary = lede_checks_dup_summary (findings);
  quotes = quotations == 0
    ? g_strdup (_("no direct quotations"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quotation, %u attributed", "%u quotations, %u attributed",
                                    quotations), quotations, attributed);
  description = g_strdup_printf ("%s · %s", summary, quotes);
  adw_preferences_group_set_description (self->group, description);
}

static void
row_activated_cb (LedeChecksSection *self,
                  GtkListBoxRow     *row)
{
  LedeFinding *finding = g_object_get_data (G_OBJECT (row), "lede-finding");

  if (finding)
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
lede_checks_section_dispose (GObject *object)
{
  LedeChecksSection *self = LEDE_CHECKS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_CHECKS_SECTION);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (lede_checks_section_parent_class)->dispose (object);
}

static void
lede_checks_section_class_init (LedeChecksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_checks_section_dispose;

  /**
   * LedeChecksSection::finding-activated:
   * @finding: the finding whose row was chosen
   */
  signals [FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, LEDE_TYPE_FINDING);

  /**
   * LedeChecksSection::fix-activated:
   * @finding: the house style finding whose Replace button was clicked
   */
  signals [FIX_ACTIVATED] = g_signal_new ("fix-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, LEDE_TYPE_FINDING);

  /**
   * LedeChecksSection::accept-activated:
   * @finding: a reworded quotation whose new wording the writer accepted
   */
  signals [ACCEPT_ACTIVATED] = g_signal_new ("accept-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, LEDE_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, LEDE_RESOURCE_PATH "/lede-checks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeChecksSection, group);
  gtk_widget_class_bind_template_child (widget_class, LedeChecksSection, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_checks_section_init (LedeChecksSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lede_checks_section_show (self, NULL, 0, 0);
}
