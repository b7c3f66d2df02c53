#!/usr/bin/python3
"""Every button a screen reader reaches has a name of its own (issue 29).

The real `lede` on a library made here, with its accessibility switched on
(the other window tests turn it off), read through AT-SPI as Orca reads it:
the at-spi2-core bus of the test's own D-Bus session (tests/xvfb-session.sh)
and Atspi from gir1.2-atspi-2.0. Every push button, toggle button and menu
button in the tree is checked in each place a writer can open:

  the window, the metadata panel shown (F9 is on in the settings); a
    duplicate tag refused in words (an alert, the entry's description)
  the find bar with its replace row (Ctrl+H), and its options popover
  the main menu, History (Ctrl+Alt+H), Preferences (Ctrl+,), Export (Ctrl+E),
    Publish (Ctrl+Shift+P)
  the trash, the wire inbox, the tags and the sources managers, Add a Note for Readers

A name of its own is not empty, not GTK's type name ("GtkImage",
"GtkMenuButton": what GTK 4.8 falls back to), has no mnemonic underscore
("_Replace") and does not say its label twice ("New Story New Story", GTK
4.8's label property beside the label child). GTK 4.8 sets no SHOWING state;
it leaves hidden widgets out of the tree, so every button in the tree is
checked, also those a closed revealer holds. A menu button is two nodes
there, the button and the toggle inside it that takes the focus: both are
checked. Each offender is listed with its path.

  xvfb-session.sh DBUS_CONFIG test-a11y.py     (LEDE_EXE, LEDE_CLI set)

TAP on stdout, diagnostics as "# " lines.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# Lede keeps the tests' fatal warnings; this reader does not: libatspi
# warns as it asks GTK (which keeps no AT-SPI cache) for the cache it has.
LEDE_G_DEBUG = os.environ.pop("G_DEBUG", None)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    # make test installs it (the Makefile's TEST_DEBS): a missing reader is
    # a failure, never a skip that would hide the window's names.
    print("Bail out! Atspi is not there (Debian's gir1.2-atspi-2.0, python3-gi): %s" % error)
    sys.exit(1)

LEDE_EXE = os.environ["LEDE_EXE"]
LEDE_CLI = os.environ["LEDE_CLI"]

BUTTONS = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON_MENU}
# What GTK 4.8 names a node that has no name: its type.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Lede)[A-Z]\w*$")
MNEMONIC = re.compile(r"_[^\W_]")
# A11Y_TEST_VERBOSE=1 lists every name read.
VERBOSE = bool(os.environ.get("A11Y_TEST_VERBOSE"))

HEADLINE = "Harbour council backs night ferry plan"
STORY = """---
title: "%s"
created: 2099-01-01T09:00:00Z
tags:
  - "Transport"
  - "Local politics"
sources:
  - name: "Mara Quill"
    note: "council leader, on the record"
byline: "Tamsin Orrell"
status: "draft"
---
The harbour council voted on Tuesday to pay for the night ferry for three more years.

"It is a lifeline for the island," said Mara Quill, the council leader.
""" % HEADLINE
TRASHED = """---
title: "Lighthouse keepers' cottages for sale"
---
The four cottages below the lighthouse go to auction in May.
"""

n = 0
failed = False


def diag(text):
    for line in str(text).splitlines():
        print("# " + line)


def ok(good, what, details=()):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if good else "not ok", n, what))
    if not good:
        failed = True
        for line in details:
            diag(line)
    sys.stdout.flush()


def bail(what):
    ok(False, what)
    print("Bail out! %s" % what)
    sys.exit(1)


def poll(seconds, check):
    """check() every 0.1 s until it returns something true, or None."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result or None
        time.sleep(0.1)


# --- The library and settings, from nothing ----------------------------------

tmp = tempfile.mkdtemp(prefix="lede-a11y-")
library = os.path.join(tmp, "library.db")
env = dict(os.environ)
# Orca's view: GTK's own AT-SPI backend on the session's accessibility bus.
for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
    env.pop(name, None)
if LEDE_G_DEBUG is not None:
    env["G_DEBUG"] = LEDE_G_DEBUG
env.update(XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"),
           GSETTINGS_BACKEND="keyfile")
settings = os.path.join(tmp, "config", "glib-2.0", "settings", "keyfile")
os.makedirs(os.path.dirname(settings))
os.makedirs(os.path.join(tmp, "out"))
os.makedirs(env["XDG_DATA_HOME"])
# The panel shown; the editor alone keeps WebKit out of it.
with open(settings, "w") as f:
    f.write("[io/github/ledeapp/Lede]\nshow-metadata=true\nlayout='editor'\nexport-folder='%s'\n"
            % os.path.join(tmp, "out"))


def cli(*args):
    return subprocess.run([LEDE_CLI, "--library", library, *args], env=env, capture_output=True, text=True)


for name, text in (("story.md", STORY), ("trashed.md", TRASHED)):
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)
made = cli("import", os.path.join(tmp, "story.md"), os.path.join(tmp, "trashed.md"))
trashed = [line.split()[0] for line in cli("list").stdout.splitlines() if "Lighthouse" in line]
if made.returncode != 0 or not trashed or cli("trash", trashed[0]).returncode != 0:
    diag(made.stdout + made.stderr)
    bail("lede-cli makes a library with a story (tags, a source) and one in the trash")

log = open(os.path.join(tmp, "lede.log"), "w")
lede = subprocess.Popen([LEDE_EXE, "--library", library], env=env, stdout=log, stderr=subprocess.STDOUT)


def finish():
    if lede.poll() is None:
        lede.terminate()
        try:
            lede.wait(10)
        except subprocess.TimeoutExpired:
            lede.kill()
    log.close()
    if failed:
        with open(os.path.join(tmp, "lede.log")) as f:
            diag("lede said:\n" + "".join(f.readlines()[-20:]))
    shutil.rmtree(tmp, ignore_errors=True)


# --- Reading the tree --------------------------------------------------------

def children(node):
    try:
        count = node.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            child = None
        if child is not None:
            out.append(child)
    return out


def describe(node):
    try:
        role, name = node.get_role_name(), node.get_name()
    except Exception:
        return "(gone)"
    return "%s '%s'" % (role, name) if name else role


def states(node):
    try:
        return node.get_state_set()
    except Exception:
        return Atspi.StateSet.new([])


def walk(node, path=()):
    """Every node under NODE (itself too), with the path to it."""
    path = path + (describe(node),)
    yield node, path
    for child in children(node):
        yield from walk(child, path)


def find(node, test):
    for found, _ in walk(node):
        if test(found):
            return found
    return None


def problem(name):
    if not name.strip():
        return "no name"
    if TYPE_NAME.match(name):
        return "GTK's type name"
    if MNEMONIC.search(name):
        return "a mnemonic underscore"
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return "its label said twice"
    return None


def offenders(top):
    """The buttons under TOP without a name of their own, and how many
    buttons there were."""
    found, count = [], 0
    for node, path in walk(top):
        try:
            role, name = node.get_role(), node.get_name() or ""
        except Exception:
            continue
        if role not in BUTTONS or not states(node).contains(Atspi.StateType.VISIBLE):
            continue
        count += 1
        why = problem(name)
        if VERBOSE:
            diag("%s: %s" % (node.get_role_name(), name))
        if why:
            found.append("%s: %s" % (why, " > ".join(path)))
    return found, count


def check(top, where):
    """Reads TOP until two readings agree (a window's contents come in as
    it is built), then says what is wrong."""
    found, count = offenders(top)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.3)
        top.clear_cache()
        again = offenders(top)
        if again == (found, count):
            break
        found, count = again
    ok(count > 0 and not found, "%s: each of its %d buttons has a name of its own" % (where, count),
       found or ["no button found"])


app = None


def lede_app():
    desktop = Atspi.get_desktop(0)
    for candidate in children(desktop):
        try:
            if candidate.get_process_id() == lede.pid:
                return candidate
        except Exception:
            pass
    return None


def window_named(title):
    """The top-level window of Lede's with this title, or without one (a
    message dialog) that says it in a label."""
    app.clear_cache()
    for top in children(app):
        try:
            if not states(top).contains(Atspi.StateType.VISIBLE):
                continue
            if top.get_name() == title:
                return top
            if not top.get_name() and find(top, lambda node: node.get_role() == Atspi.Role.LABEL
                                           and node.get_name() == title):
                return top
        except Exception:
            pass
    return None


# --- Driving it --------------------------------------------------------------

def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout.split()


def x_window(title):
    """Lede's X window with this title, else the one that is not the main
    window (a message dialog has none)."""
    found = xdotool("search", "--all", "--pid", str(lede.pid), "--onlyvisible", "--name", "^%s$" % re.escape(title))
    if not found and title != "Lede":
        others = set(xdotool("search", "--all", "--pid", str(lede.pid), "--onlyvisible", "--name", "."))
        others -= set(xdotool("search", "--all", "--pid", str(lede.pid), "--onlyvisible", "--name", "^Lede$"))
        found = sorted(others)
    return found[0] if found else None


def keys(title, *names):
    """Presses keys in Lede's window with this title."""
    window = poll(10, lambda: x_window(title))
    if window is None:
        return False
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--delay", "60", *names)
    time.sleep(0.3)
    return True


def click(node):
    """Presses a button through AT-SPI, as Orca's users can."""
    try:
        return node.get_n_actions() > 0 and node.do_action(0)
    except Exception as error:
        diag("could not press %s: %s" % (describe(node), error))
        return False


def menu_toggle(node):
    """GTK 4.8's menu button: a button node, and inside it the toggle that
    takes the focus."""
    if node.get_role() not in BUTTONS or states(node).contains(Atspi.StateType.FOCUSABLE):
        return None
    for child in children(node):
        if child.get_role() in BUTTONS and states(child).contains(Atspi.StateType.FOCUSABLE):
            return child
    return None


def open_dialog(title, how, *how_args):
    """Opens a window with HOW, checks it, closes it with Escape."""
    if not how(*how_args):
        ok(False, "%s opens" % title)
        return
    dialog = poll(15, lambda: window_named(title))
    if dialog is None:
        ok(False, "%s opens" % title, ["Lede's windows: %s" % ", ".join(describe(w) for w in children(app))])
        return
    check(dialog, title)
    keys(title, "Escape")
    if poll(10, lambda: window_named(title) is None) is None:
        diag("%s did not close on Escape" % title)


def from_menu(item):
    """Chooses ITEM in the window's main menu (F10 opens it)."""
    if not keys("Lede", "F10"):
        return False
    window = window_named("Lede")
    entry = poll(5, lambda: find(window, lambda node: node.get_name() == item
                                 and node.get_role() in (Atspi.Role.MENU_ITEM, Atspi.Role.PUSH_BUTTON)))
    if entry is None:
        diag("no '%s' in the main menu" % item)
        keys("Lede", "Escape")
        return False
    return click(entry)


try:
    app = poll(30, lede_app)
    if app is None:
        bail("lede's window is on the accessibility bus")
    main = poll(30, lambda: window_named("Lede"))
    if main is None:
        bail("lede's window is on the accessibility bus")
    ok(True, "lede's window is on the accessibility bus")

    # The story opened, its tags and source in the panel (chips, unlink).
    opened = poll(30, lambda: find(main, lambda node: node.get_name() == HEADLINE
                                   and node.get_role() == Atspi.Role.LABEL))
    ok(opened is not None, "the story with tags and a source is open")
    check(main, "the window with the panel shown")

    # A tag the story has, typed again: refused in words Orca is given, an
    # alert naming the tag as the story spells it, and the entry (still
    # focused) invalid and described by them.
    REFUSAL = "\u201cTransport\u201d is already a tag of this story"
    keys("Lede", "ctrl+t")
    keys("Lede", *list("transport"), "Return")
    alert = poll(10, lambda: main.clear_cache() or find(main, lambda node: node.get_role() == Atspi.Role.ALERT
                                                         and node.get_name() == REFUSAL))
    entry = find(main, lambda node: states(node).contains(Atspi.StateType.FOCUSED)
                 and node.get_role() in (Atspi.Role.ENTRY, Atspi.Role.TEXT))
    details = ["the entry: %s" % (describe(entry) if entry else "not focused")]
    if entry is not None:
        details.append("its description: %r" % entry.get_description())
    details.append("the alert: %s" % (describe(alert) if alert else "none; labels: %s" % ", ".join(
        describe(node) for node, _ in walk(main) if node.get_role() in (Atspi.Role.LABEL, Atspi.Role.ALERT)
        and "tag" in (node.get_name() or ""))))
    # GTK 4.8 says invalid as INVALID; later GTKs as INVALID_ENTRY.
    invalid = entry is not None and (states(entry).contains(Atspi.StateType.INVALID)
                                     or states(entry).contains(Atspi.StateType.INVALID_ENTRY))
    details.append("invalid: %s" % invalid)
    ok(alert is not None and entry is not None and entry.get_name() == "Add a tag"
       and entry.get_description() == REFUSAL and invalid,
       "a duplicate tag is refused in words: an alert, and the entry (named) described by it", details)
    keys("Lede", "ctrl+a", "BackSpace")

    # The find bar, its replace row, then its options.
    keys("Lede", "ctrl+h")
    main.clear_cache()
    bar = find(main, lambda node: node.get_name() == "LedeFindBar")
    # Open, it has the keyboard in its search entry.
    if bar is None or poll(5, lambda: find(bar, lambda node: states(node).contains(Atspi.StateType.FOCUSED))) is None:
        ok(False, "Ctrl+H opens the find bar")
    else:
        check(bar, "the find bar with replace (Ctrl+H)")
        options = find(bar, menu_toggle)
        if options is None or not click(menu_toggle(options)):
            ok(False, "the find bar's options open")
        else:
            popover = poll(5, lambda: options.clear_cache()
                           or find(options, lambda node: node.get_role() == Atspi.Role.CHECK_BOX))
            names = []
            for node, path in walk(options):
                if node.get_role() in (Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON):
                    names.append((node.get_name() or "", path))
            bad = ["%s: %s" % (problem(name), " > ".join(path)) for name, path in names if problem(name)]
            ok(popover is not None and not bad, "the find bar's options: each of its %d check boxes has a name "
               "of its own" % len(names), bad or ["no check box in the popover"])
            keys("Lede", "Escape")
        keys("Lede", "Escape")

    # The main menu's items (model buttons) say no underscore either.
    keys("Lede", "F10")
    menu_roles = (Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM)
    poll(5, lambda: main.clear_cache() or find(main, lambda node: node.get_role() in menu_roles))
    items = [(node.get_name() or "", path) for node, path in walk(main) if node.get_role() in menu_roles]
    bad = ["%s: %s" % (problem(name), " > ".join(path)) for name, path in items if problem(name)]
    ok(len(items) > 10 and not bad, "the main menu: each of its %d items has a name of its own" % len(items),
       bad or ["the main menu has %d items" % len(items)])
    keys("Lede", "Escape")

    open_dialog("History", keys, "Lede", "ctrl+alt+h")
    open_dialog("Preferences", keys, "Lede", "ctrl+comma")
    open_dialog("Export", keys, "Lede", "ctrl+e")
    open_dialog("Publish", keys, "Lede", "ctrl+shift+p")
    open_dialog("Trash", from_menu, "Trash…")
    open_dialog("Wire Inbox", keys, "Lede", "ctrl+alt+w")
    open_dialog("Tags", from_menu, "Tags…")
    open_dialog("Sources", from_menu, "Sources…")
    open_dialog("Add a Note for Readers", from_menu, "Add Correction…")
finally:
    finish()

print("1..%d" % n)
sys.exit(1 if failed else 0)
