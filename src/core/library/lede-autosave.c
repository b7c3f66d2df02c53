/* lede-autosave.c: when to write the open story, so nothing is lost.
 *
 * A change starts two clocks: a short one that restarts with every change
 * (save once typing pauses) and a long one that does not (save at least
 * this often while typing goes on). Whichever ends first saves. A failed
 * save keeps the state FAILED and tries again after the long wait, or
 * sooner if the user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lede-autosave"

#include "config.h"

#include "lede-autosave.h"

struct _LedeAutosave
{
  GObject           parent_instance;

  LedeAutosaveFunc  func;
  gpointer          user_data;
  GError           *error;
  guint             delay_ms;
  guint             max_wait_ms;
  guint             pause_id;
  guint             deadline_id;
  LedeSaveState     state;
};

G_DEFINE_FINAL_TYPE (LedeAutosave, lede_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_state (LedeAutosave  *self,
           LedeSaveState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
clear_clocks (LedeAutosave *self)
{
  g_clear_handle_id (&self->pause_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
}

static gboolean on_deadline (gpointer data);

static void
save (LedeAutosave *self)
{
  g_autoptr (GError) error = NULL;

  clear_clocks (self);
  g_clear_error (&self->error);

  set_state (self, LEDE_SAVE_STATE_SAVING);
  if (self->func == NULL || self->func (self->user_data, &error))
    {
      set_state (self, LEDE_SAVE_STATE_SAVED);
      return;
    }

  g_debug ("Autosave failed, will retry: %s", error->message);
  self->error = g_steal_pointer (&error);
  self->deadline_id = g_timeout_add (self->max_wait_ms, on_deadline, self);
  /* Notify after the error is set, so listeners can show it. */
  set_state (self, LEDE_SAVE_STATE_FAILED);
}

static gboolean
on_pause (gpointer data)
{
  LedeAutosave *self = data;

  self->pause_id = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_deadline (gpointer data)
{
  LedeAutosave *self = data;

  self->deadline_id = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
lede_autosave_dispose (GObject *object)
{
  LedeAutosave *self = (LedeAutosave *)object;

  clear_clocks (self);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lede_autosave_parent_class)->dispose (object);
}

static void
lede_autosave_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LedeAutosave *self = LEDE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_autosave_class_init (LedeAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_autosave_dispose;
  object_class->get_property = lede_autosave_get_property;

  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LEDE_TYPE_SAVE_STATE, LEDE_SAVE_STATE_SAVED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_autosave_init (LedeAutosave *self)
{
  self->state = LEDE_SAVE_STATE_SAVED;
}

/**
 * lede_autosave_new:
 * @delay_ms: how long typing must pause before a save
 * @max_wait_ms: the longest a change waits while typing goes on, and the
 *   wait before a failed save is tried again
 */
LedeAutosave *
lede_autosave_new (guint delay_ms,
                   guint max_wait_ms)
{
  LedeAutosave *self = g_object_new (LEDE_TYPE_AUTOSAVE, NULL);

  self->delay_ms = delay_ms;
  self->max_wait_ms = MAX (max_wait_ms, delay_ms);
  return self;
}

void
lede_autosave_set_func (LedeAutosave     *self,
                        LedeAutosaveFunc  func,
                        gpointer          user_data)
{
  g_return_if_fail (LEDE_IS_AUTOSAVE (self));

  self->func = func;
  self->user_data = user_data;
}

/**
 * lede_autosave_touch:
 *
 * Says the story changed; it will be written once typing pauses, and in
 * any case within the longest wait.
 */
void
lede_autosave_touch (LedeAutosave *self)
{
  g_return_if_fail (LEDE_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (self->delay_ms, on_pause, self);
  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add (self->max_wait_ms, on_deadline, self);

  /* A failure stays on show until a save succeeds. */
  if (self->state != LEDE_SAVE_STATE_FAILED)
    set_state (self, LEDE_SAVE_STATE_PENDING);
}

/**
 * lede_autosave_flush:
 *
 * Writes now if anything is unsaved (before switching stories, closing or
 * quitting). Returns %FALSE with @error set when that write failed; the
 * change is still pending and will be retried.
 */
gboolean
lede_autosave_flush (LedeAutosave  *self,
                     GError       **error)
{
  g_return_val_if_fail (LEDE_IS_AUTOSAVE (self), FALSE);

  if (self->state == LEDE_SAVE_STATE_SAVED)
    return TRUE;

  save (self);
  if (self->state == LEDE_SAVE_STATE_FAILED)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_autosave_reset:
 *
 * Forgets any pending change, for when another story is loaded after the
 * old one was flushed (or deliberately given up).
 */
void
lede_autosave_reset (LedeAutosave *self)
{
  g_return_if_fail (LEDE_IS_AUTOSAVE (self));

  clear_clocks (self);
  g_clear_error (&self->error);
  set_state (self, LEDE_SAVE_STATE_SAVED);
}

LedeSaveState
lede_autosave_get_state (LedeAutosave *self)
{
  g_return_val_if_fail (LEDE_IS_AUTOSAVE (self), LEDE_SAVE_STATE_SAVED);
  return self->state;
}

const GError *
lede_autosave_get_error (LedeAutosave *self)
{
  g_return_val_if_fail (LEDE_IS_AUTOSAVE (self), NULL);
  return self->error;
}
