/* lede-outbox-sender.c: sends what waits in the library's outbox while Lede
 * runs. A round takes the outbox in order, one story at a time: the
 * library's steps (lede_outbox_send_prepare(), _finish()) on this thread,
 * the network's (lede_outbox_send_run()) on a worker thread. A site that
 * does not answer keeps the rest of its stories waiting until the next
 * round: when the network comes back (GNetworkMonitor), every
 * LEDE_OUTBOX_RETRY_SECONDS while anything waits, or when asked.
 *
 * Signals: "sent" (the story's id, the site's name, the LedePublished) for
 * each story that went out; "changed" after every round, for whoever shows
 * what waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-outbox"

#include "config.h"

#include "lede-outbox.h"
#include "lede-outbox-sender.h"

struct _LedeOutboxSender
{
  GObject           parent_instance;

  LedeLibrary      *library;
  GNetworkMonitor  *monitor;
  GCancellable     *cancellable;
  guint             retry_id;
  gboolean          busy;
  gboolean          again;      /* asked while a round ran: one more after */
  GPtrArray        *entries;    /* the round's, in order */
  guint             next;
  GHashTable       *silent;     /* sites that did not answer this round */
};

G_DEFINE_FINAL_TYPE (LedeOutboxSender, lede_outbox_sender, G_TYPE_OBJECT)

enum { SENT, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void send_next (LedeOutboxSender *self);

static gboolean
retry_cb (gpointer data)
{
  LedeOutboxSender *self = data;

  self->retry_id = 0;
  lede_outbox_sender_send_now (self);
  return G_SOURCE_REMOVE;
}

static void
end_round (LedeOutboxSender *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_hash_table_remove_all (self->silent);
  self->busy = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->again)
    {
      self->again = FALSE;
      lede_outbox_sender_send_now (self);
      return;
    }
  if (lede_library_outbox_count (self->library) > 0 && self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (LEDE_OUTBOX_RETRY_SECONDS, retry_cb, self);
}

static void
note_try (LedeOutboxSender *self,
          gint64            id,
          const GError     *error)
{
  g_autoptr (GError) note_error = NULL;

  if (!lede_library_outbox_note_try (self->library, id, error->message, &note_error))
    g_warning ("%s", note_error->message);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;

  if (lede_outbox_send_run (task_data, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  LedeOutboxSender *self = LEDE_OUTBOX_SENDER (source);
  LedeOutboxSend *send = g_task_get_task_data (G_TASK (result));
  LedeOutboxEntry *entry = g_ptr_array_index (self->entries, self->next);
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error) && lede_outbox_send_finish (send, self->library, &error))
    g_signal_emit (self, signals[SENT], 0, entry->article_id, entry->site, lede_outbox_send_get_published (send));
  else if (g_cancellable_is_cancelled (self->cancellable))
    return;
  else
    {
      lede_outbox_send_failed (send, self->library, error);
      note_try (self, entry->id, error);
      if (lede_outbox_is_unanswered (error))
        g_hash_table_add (self->silent, g_strdup (entry->site));
    }
  self->next++;
  send_next (self);
}

static void
send_next (LedeOutboxSender *self)
{
  for (; self->next < self->entries->len; self->next++)
    {
      LedeOutboxEntry *entry = g_ptr_array_index (self->entries, self->next);
      g_autoptr (GError) error = NULL;
      LedeOutboxSend *send;
      g_autoptr (GTask) task = NULL;

      if (g_hash_table_contains (self->silent, entry->site))
        continue;
      if (!(send = lede_outbox_send_prepare (self->library, entry, &error)))
        {
          note_try (self, entry->id, error);
          continue;
        }
      task = g_task_new (self, self->cancellable, on_run_done, NULL);
      g_task_set_task_data (task, send, (GDestroyNotify)lede_outbox_send_free);
      g_task_run_in_thread (task, run_thread);
      return;
    }
  end_round (self);
}

/**
 * lede_outbox_sender_send_now:
 *
 * Tries what waits now, in order; after a round that is under way when
 * it is busy.
 */
void
lede_outbox_sender_send_now (LedeOutboxSender *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (LEDE_IS_OUTBOX_SENDER (self));

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (lede_library_is_read_only (self->library) || lede_library_outbox_count (self->library) == 0)
    return;
  if (!(self->entries = lede_library_outbox_list (self->library, &error)))
    {
      g_warning ("%s", error->message);
      return;
    }
  self->busy = TRUE;
  self->next = 0;
  send_next (self);
}

/* Something was just put in the outbox: a round in a while, unless one
 * is under way or due. */
void
lede_outbox_sender_schedule (LedeOutboxSender *self)
{
  g_return_if_fail (LEDE_IS_OUTBOX_SENDER (self));

  if (!self->busy && self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (LEDE_OUTBOX_RETRY_SECONDS, retry_cb, self);
}

/* Whether a round is under way. */
gboolean
lede_outbox_sender_is_busy (LedeOutboxSender *self)
{
  g_return_val_if_fail (LEDE_IS_OUTBOX_SENDER (self), FALSE);
  return self->busy;
}

static void
network_changed_cb (GNetworkMonitor  *monitor,
                    gboolean          available,
                    LedeOutboxSender *self)
{
  if (available)
    lede_outbox_sender_send_now (self);
}

static void
lede_outbox_sender_dispose (GObject *object)
{
  LedeOutboxSender *self = LEDE_OUTBOX_SENDER (object);

  /* A send under way finishes on the site; its row stays, and the next
   * try takes over the post it made. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->monitor)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  self->monitor = NULL;
  G_OBJECT_CLASS (lede_outbox_sender_parent_class)->dispose (object);
}

static void
lede_outbox_sender_finalize (GObject *object)
{
  LedeOutboxSender *self = LEDE_OUTBOX_SENDER (object);

  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_hash_table_unref (self->silent);
  G_OBJECT_CLASS (lede_outbox_sender_parent_class)->finalize (object);
}

static void
lede_outbox_sender_class_init (LedeOutboxSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_outbox_sender_dispose;
  object_class->finalize = lede_outbox_sender_finalize;

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_POINTER);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
lede_outbox_sender_init (LedeOutboxSender *self)
{
  self->cancellable = g_cancellable_new ();
  self->silent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * lede_outbox_sender_new:
 *
 * Sends what waits in @library's outbox from now on: a first round at
 * once when the network is there, then as the header says.
 */
LedeOutboxSender *
lede_outbox_sender_new (LedeLibrary *library)
{
  LedeOutboxSender *self = g_object_new (LEDE_TYPE_OUTBOX_SENDER, NULL);

  self->library = g_object_ref (library);
  self->monitor = g_network_monitor_get_default ();
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  if (g_network_monitor_get_network_available (self->monitor))
    lede_outbox_sender_send_now (self);
  return self;
}
