#!/bin/bash
# The whole write -> tag -> export flow from the keyboard alone (issue #15).
#
# The real `lede` on a fresh library, driven only by key presses that
# xdotool sends through XTEST to the focused window: no pointer is moved and
# nothing is clicked. What the keys did is then read back with lede-cli from
# the same library and from the exported Markdown file.
#
#   xvfb-session.sh DBUS_CONFIG test-keyboard.sh     (LEDE_EXE, LEDE_CLI set)
#
# The keys, as a writer would press them:
#   Ctrl+N                      a new story; the headline has the keyboard
#   (headline) Enter            on to the body
#   (two paragraphs, one a quotation credited to someone)
#   F9                          the metadata panel
#   Ctrl+T                      the keyboard in the panel's tag entry
#   (tag) Enter                 the tag added
#   Ctrl+E                      the Export dialog
#   Alt+F, Down Down, Enter     Format: Markdown
#   Shift+Tab, Enter            the Export button
#   Enter                       Export again on "Before It Goes Out", if shown
#   Ctrl+H, (search) Enter      find, Enter straight after typing (issue 23)
#   Escape, (words)             the bar closes; the words replace the match
#   Ctrl+H, Tab, Ctrl+Return    Replace All from the replace entry
#   Escape, Ctrl+Z, Ctrl+Shift+Z  undo and redo it from the body: both fields
#   Ctrl+H, Ctrl+Return         Replace All from the search entry
#   Escape, Ctrl+Shift+Tab, Ctrl+Z  undo it from the headline: both fields
#   Ctrl+Q                      quit, saving
# TAP on stdout, diagnostics as "# " lines.
set -u

LEDE_EXE=${LEDE_EXE:?the lede executable}
LEDE_CLI=${LEDE_CLI:?the lede-cli executable}

tmp=$(mktemp -d)
lede_pid=
trap '[ -n "$lede_pid" ] && kill "$lede_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# Settings of its own, in a keyfile seeded here: the export folder is known,
# so no file chooser is needed, and the editor alone keeps WebKit out of it.
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$tmp/cache}
export GSETTINGS_BACKEND=keyfile
settings=$XDG_CONFIG_HOME/glib-2.0/settings/keyfile
library=$tmp/library.db
out=$tmp/out
mkdir -p "$(dirname "$settings")" "$out" "$XDG_DATA_HOME"
cat > "$settings" <<EOF
[io/github/ledeapp/Lede]
export-folder='$out'
export-format='html'
layout='editor'
show-metadata=false
EOF

headline="Harbour council backs night ferry plan"
graf1="The harbour council voted on Tuesday to pay for the night ferry for three more years."
# Typed with straight quotes: the editor makes them typographic.
graf2='"It is a lifeline for the island," said Mara Quill, the council leader.'
graf2_typeset='“It is a lifeline for the island,” said Mara Quill, the council leader.'
tag="local politics"
# Panel stops from its Headline to the tag entry: Standfirst, Slug, the
# slug's refresh button, Byline, Dateline, Section, Status, Language,
# Embargo, Published, Word goal (row, spin button), Length (three rows),
# then the tag entry.

n=0
failed=0
window=

diag () { awk '{ print "# " $0 }'; }
screenshot () {
  local dir=${G_TEST_BUILDDIR:-${TMPDIR:-/tmp}} file
  file=$dir/test-keyboard-failure-$((n + 1)).png
  if command -v import > /dev/null; then
    import -window root "$file" 2> /dev/null && echo "# screen at the failure: $file"
  elif command -v xwd > /dev/null; then
    file=${file%.png}.xwd
    xwd -root -silent > "$file" 2> /dev/null && echo "# screen at the failure: $file"
  fi
}
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  screenshot
  n=$((n + 1)); failed=1; echo "not ok $n - $1"
  if [ -s "$tmp/lede.log" ]; then echo "# lede said:"; tail -n 20 "$tmp/lede.log" | diag; fi
}
# Gives up: without the window or a dialog, the keys that follow go nowhere.
bail () { not_ok "$1"; echo "1..$n"; exit 1; }
# Microseconds since the epoch, and whether that time has come.
now_us () { echo "${EPOCHREALTIME/[.,]/}"; }
past () { [ "$(now_us)" -ge "$1" ]; }
# Runs "$@" every 0.1 s until it succeeds or SECONDS pass.
poll () {
  local deadline=$(($(now_us) + $1 * 1000000)); shift
  until "$@"; do
    past "$deadline" && return 1
    sleep 0.1
  done
}
# KEYBOARD_TEST_SHOTS=DIR keeps a screenshot after every group of keys.
shot () {
  [ -n "${KEYBOARD_TEST_SHOTS:-}" ] || return 0
  shots=$((${shots:-0} + 1))
  import -window root "$KEYBOARD_TEST_SHOTS/$(printf %02d $shots)-$1.png" 2> /dev/null
}
keys () { xdotool key --delay 60 "$@"; sleep 0.3; shot "$(tr ' +' '__' <<< "$*")"; }
typed () { xdotool type --delay 25 "$1"; sleep 0.3; shot typed; }

# Seconds since STARTED (an $EPOCHREALTIME), to a tenth.
elapsed () { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# What the screen shows in GEOMETRY (WxH+X+Y of the root window), as a
# hash; the window's own pixels are the only sign of a panel sliding in or
# a list popping up, and a key sent before would go elsewhere.
looks () { import -window root -crop "$1" rgb:- 2> /dev/null | md5sum; }
# Waits until GEOMETRY looks other than BEFORE, then the same twice running
# (the transition done), for at most SECONDS. Without ImageMagick's import,
# waits a fixed FALLBACK seconds instead.
settle () {
  local geometry=$1 before=$2 deadline=$(($(now_us) + $3 * 1000000)) fallback=$4 now last=
  if ! command -v import > /dev/null; then sleep "$fallback"; return 0; fi
  until past "$deadline"; do
    now=$(looks "$geometry")
    [ "$now" != "$before" ] && [ "$now" = "$last" ] && return 0
    last=$now
    sleep 0.2
  done
  return 1
}
# The stories as JSON, and one field of the story with HEADLINE.
cli () { "$LEDE_CLI" --library "$library" "$@" 2> "$tmp/cli.err"; }
story_field () {
  cli --json list | python3 -c '
import json, sys
for story in json.load(sys.stdin):
    if story["headline"] == sys.argv[1]:
        print(story[sys.argv[2]])
        break
else:
    sys.exit(1)' "$1" "$2"
}
has_story () { story_field "$1" uuid > /dev/null 2>&1; }
# The uuids of the stories the library has with this tag.
tagged () { cli --json --tag "$1" check | python3 -c 'import json, sys; print(" ".join(s["uuid"] for s in json.load(sys.stdin)))'; }

# --- The window, from nothing ---------------------------------------------

"$LEDE_EXE" --library "$library" > "$tmp/lede.log" 2>&1 &
lede_pid=$!
# --all: xdotool matches any one condition by default, and every window of
# the process would be the Export dialog.
window=$(timeout 30 xdotool search --sync --all --pid "$lede_pid" --onlyvisible --name . 2> /dev/null | head -n 1)
[ -n "$window" ] || bail "lede shows its window"
ok "lede shows its window"
xdotool windowfocus --sync "$window"
# New Story waits for the library, made as the window opens (with a sample
# story in it).
library_made () { cli list > /dev/null; }
poll 20 library_made || echo "# no library 20 s after the window opened; going on"

# --- Ctrl+N: a new story, its headline focused ------------------------------

untitled () { story_field "" uuid > /dev/null 2>&1; }
keys ctrl+n
if ! poll 5 untitled; then
  echo "# no new story 5 s after Ctrl+N; pressing it again"
  keys ctrl+n
fi
poll 10 untitled || bail "Ctrl+N makes a new story"
ok "Ctrl+N makes a new story"
sleep 0.5

# Typed straight away: a new story's headline has the keyboard.
typed "$headline"
if poll 15 has_story "$headline"; then ok "the headline typed into the new story's focused headline"
else not_ok "the headline typed into the new story's focused headline"; cli list | diag; fi

# --- Enter: on to the body ----------------------------------------------------

keys Return
typed "$graf1"
keys Return Return
typed "$graf2"
phrase () { [ -n "$(cli --json search '"lifeline for the island"' | python3 -c 'import json, sys; print(" ".join(s["headline"] for s in json.load(sys.stdin)))')" ]; }
if poll 15 phrase; then ok "Enter in the headline goes on to the body, where two paragraphs are typed"
else not_ok "Enter in the headline goes on to the body, where two paragraphs are typed"; fi

# --- F9, then Ctrl+T to the tag entry -------------------------------------------

# The panel slides in over the right of the window, where the editor has
# nothing but its background; its fields must be there before Ctrl+Tab.
eval "$(xdotool getwindowgeometry --shell "$window")"
strip=60x$((HEIGHT - 120))+$((X + WIDTH - 80))+$((Y + 60))
before=$(looks "$strip")
started=$EPOCHREALTIME
keys F9
if poll 5 grep -qx 'show-metadata=true' "$settings" && settle "$strip" "$before" 15 3; then
  ok "F9 shows the metadata panel"
  echo "# the panel was there and still $(elapsed "$started") s after F9"
else
  not_ok "F9 shows the metadata panel"
fi
# Tab in the body indents, as writers expect; Ctrl+T goes to the tags.
keys ctrl+t
typed "$tag"
keys Return
uuid=$(story_field "$headline" uuid 2> /dev/null)
has_tag () { [ -n "$uuid" ] && [[ " $(tagged "$tag") " == *" $uuid "* ]]; }
if poll 15 has_tag; then ok "the tag typed into the panel's tag entry is added"
else not_ok "the tag typed into the panel's tag entry is added"; cli --json list | diag; fi

# --- Ctrl+E: Markdown, Export --------------------------------------------------

keys ctrl+e
dialog=$(timeout 10 xdotool search --sync --all --pid "$lede_pid" --onlyvisible --name '^Export$' 2> /dev/null | head -n 1)
[ -n "$dialog" ] || bail "Ctrl+E opens the Export dialog"
ok "Ctrl+E opens the Export dialog"
xdotool windowfocus --sync "$dialog"
# With the dialog focused nothing else on the screen moves (the story's
# cursor blinks only in the active window): the whole screen is watched.
screen=$(xdotool getdisplaygeometry | awk '{ print $1 "x" $2 "+0+0" }')
settle "$screen" "" 5 0.5
# Alt+F, the Format row's mnemonic, opens its list; HTML page is first,
# Markdown third.
before=$(looks "$screen")
keys alt+f
settle "$screen" "$before" 5 1 || echo "# no list seen after Alt+F"
keys Down Down
before=$(looks "$screen")
keys Return
settle "$screen" "$before" 5 1 || echo "# the list did not close after Enter"
# The row keeps the focus; the Export button is before it.
keys shift+Tab
before=$(looks "$screen")
keys Return

# The copy desk's checks run first. What they find (here: a quotation
# credited to someone who is not among the story's sources) is shown on
# "Before It Goes Out", and Export goes on from there.
exported () { [ -n "$(ls -A "$out")" ]; }
dialog_open () { xdotool search --all --pid "$lede_pid" --onlyvisible --name '^Export$' > /dev/null 2>&1; }
dialog_closed () { ! dialog_open; }
settle "$screen" "$before" 20 2
if ! exported && dialog_open; then
  echo "# Before It Goes Out is shown; Enter"
  keys Return
  if poll 5 exported; then ok "Enter on Before It Goes Out exports"
  else not_ok "Enter on Before It Goes Out exports"; fi
fi
# Alt+E reaches the button whatever has the focus; while the checks or the
# export run the button is insensitive and the key does nothing.
for ((i = 0; i < 15; i++)); do
  poll 1 exported && break
  dialog_open && xdotool windowfocus --sync "$dialog" 2> /dev/null && keys alt+e
done
if exported; then ok "Export writes a file"; else not_ok "Export writes a file"; fi
if poll 10 dialog_closed; then ok "the Export dialog closes when done"; else not_ok "the Export dialog closes when done"; fi

# --- Ctrl+H: find and replace, and undo it --------------------------------------

# The story's headline or body as saved, read straight from the library.
field () {
  python3 - "$library" "$uuid" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
row = db.execute("SELECT " + {"headline": "headline", "body": "body"}[sys.argv[3]] +
                 " FROM articles WHERE uuid = ?", (sys.argv[2],)).fetchone()
print(row[0] if row else "")
PY
}
has () { [[ "$(field "$1")" == *"$2"* ]]; }
lacks () { [[ "$(field "$1")" != *"$2"* ]]; }

xdotool windowfocus --sync "$window"
keys ctrl+h
# The search, then Enter as fast as a writer types: it comes before the
# search entry's pause (150 ms) has passed. (xdotool type takes every
# word after it as text, so the key is a second command.)
xdotool type --delay 25 "night ferry"
xdotool key Return
sleep 0.3
keys Escape
typed "late ferry"
late () { has body "pay for the late ferry for three" && lacks body "night ferry" && has headline "backs night ferry plan"; }
if poll 15 late; then ok "Ctrl+H, a search and Enter at once, Escape: the words typed replace the match"
else not_ok "Ctrl+H, a search and Enter at once, Escape: the words typed replace the match"; field body | diag; fi

board () { has headline "Harbour board backs" && has body "harbour board voted" && has body "the board leader" && lacks body "council"; }
council () { has headline "Harbour council backs" && has body "harbour council voted" && has body "the council leader" && lacks body "board"; }
keys ctrl+h
typed "council"
keys Tab
typed "board"
keys ctrl+Return
if poll 15 board; then ok "Ctrl+Return in the replace entry replaces all, in the headline and the body"
else not_ok "Ctrl+Return in the replace entry replaces all, in the headline and the body"; field headline | diag; fi
# Escape from the replace entry: the bar closes and the body has the keyboard.
keys Escape
keys ctrl+z
if poll 15 council; then ok "one Ctrl+Z in the body takes back Replace All in both fields"
else not_ok "one Ctrl+Z in the body takes back Replace All in both fields"; field headline | diag; fi
keys ctrl+shift+z
if poll 15 board; then ok "Ctrl+Shift+Z in the body puts Replace All back in both fields"
else not_ok "Ctrl+Shift+Z in the body puts Replace All back in both fields"; field headline | diag; fi
keys ctrl+z
poll 15 council || echo "# the second Ctrl+Z in the body did not take back both"
# The bar opens with the search entry focused, "council" in it and
# "board" still in the replace entry.
keys ctrl+h
keys ctrl+Return
if poll 15 board; then ok "Ctrl+Return in the search entry replaces all"
else not_ok "Ctrl+Return in the search entry replaces all"; field headline | diag; fi
keys Escape
# From the body back to the headline, and undo there.
keys ctrl+shift+Tab
keys ctrl+z
if poll 15 council; then ok "one Ctrl+Z in the headline takes back Replace All in both fields"
else not_ok "one Ctrl+Z in the headline takes back Replace All in both fields"; field body | diag; fi
keys ctrl+shift+z
if poll 15 board; then ok "Ctrl+Shift+Z in the headline puts it back in both"
else not_ok "Ctrl+Shift+Z in the headline puts it back in both"; field body | diag; fi
# The story as typed, for what is read back below.
keys ctrl+z
poll 15 council || not_ok "the story is back to its typed headline"

# --- Ctrl+Q: quit, saving ------------------------------------------------------

xdotool windowfocus --sync "$window"
sleep 0.3
keys ctrl+q
gone () { ! kill -0 "$lede_pid" 2> /dev/null; }
if poll 15 gone; then
  wait "$lede_pid"; status=$?
  lede_pid=
  if [ "$status" -eq 0 ]; then ok "Ctrl+Q quits"; else not_ok "Ctrl+Q quits (exit status $status)"; fi
else
  not_ok "Ctrl+Q quits"
fi

# --- What the keys made, read back ----------------------------------------------

if has_story "$headline"; then ok "lede-cli list: the story has the typed headline"
else not_ok "lede-cli list: the story has the typed headline"; cli list | diag; fi

uuid=$(story_field "$headline" uuid 2> /dev/null)
if has_tag; then ok "lede-cli check --tag: the story carries the tag '$tag'"
else not_ok "lede-cli check --tag: the story carries the tag '$tag'"; fi

slug=$(story_field "$headline" slug 2> /dev/null)
md=$out/$slug.md
if [ -n "$slug" ] && [ -f "$md" ] && [ "$(ls -A "$out")" = "$slug.md" ]; then
  ok "the story alone exported as $slug.md"
else
  not_ok "the story alone exported as <slug>.md"; echo "# slug: '$slug'; in the folder:"; ls -la "$out" | diag
  md=$(find "$out" -name '*.md' | head -n 1)
fi
[ -f "${md:-}" ] || md=/dev/null

# The front matter, between the first two "---" lines, and the body after.
front=$(awk 'NR == 1 && $0 == "---" { on = 1; next } on && $0 == "---" { exit } on' "$md")
body=$(awk 'f >= 2; $0 == "---" && f < 2 { f++ }' "$md")
if grep -qxF "title: \"$headline\"" <<< "$front"; then ok "the Markdown's front matter has the headline"
else not_ok "the Markdown's front matter has the headline"; diag < "$md"; fi
if grep -qxF "  - \"$tag\"" <<< "$(sed -n '/^tags:/,/^[^ ]/p' <<< "$front")"; then
  ok "the Markdown's front matter has the tag"
else
  not_ok "the Markdown's front matter has the tag"; diag < "$md"
fi
# Two paragraphs, as typed, the quotation in typographic quotes.
if [ "$(sed '/./,$!d' <<< "$body")" = "$graf1"$'\n\n'"$graf2_typeset" ]; then
  ok "the Markdown's body is the two typed paragraphs"
else
  not_ok "the Markdown's body is the two typed paragraphs"; diag <<< "$body"
fi

if ! grep -E 'CRITICAL|WARNING' "$tmp/lede.log" > /dev/null; then ok "lede said nothing alarming"
else not_ok "lede said nothing alarming"; fi

echo "1..$n"
exit $failed
