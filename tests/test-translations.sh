#!/bin/bash
# Each translation in po/LINGUAS: valid, and complete against a template
# made now from the sources (not a template that may be stale); and every
# source that marks strings for translation is in po/POTFILES. TAP.
set -u

src=${1:?the source folder}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out"; }

cd "$src"
missing=$(grep -rlE '\b(N?_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(|translatable="yes"' src data \
            --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort | comm -23 - <(sort po/POTFILES))
if [ -z "$missing" ]; then ok "po/POTFILES lists every source with strings"; else echo "$missing" > "$tmp/out"; not_ok "po/POTFILES lists every source with strings"; fi

# The keywords of meson's glib preset, which makes the real template.
if xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     -f po/POTFILES -o "$tmp/lede.pot" > "$tmp/out" 2>&1; then ok "a template from the sources"; else not_ok "a template from the sources"; fi

for lang in $(grep -v '^#' po/LINGUAS); do
  if msgfmt --check --statistics -o /dev/null "po/$lang.po" > "$tmp/out" 2>&1 && ! grep -qE 'untranslated|fuzzy' "$tmp/out"; then
    ok "$lang: valid, nothing untranslated or fuzzy"
  else
    not_ok "$lang: valid, nothing untranslated or fuzzy"
  fi
  if ! msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/lede.pot" -o "$tmp/$lang.po" 2> "$tmp/out"; then
    not_ok "$lang: every string the sources have now is translated"
  elif msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -q '^msgid' ; then
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -A1 '^msgid' | grep -v '^msgid ""$' > "$tmp/out"
    not_ok "$lang: every string the sources have now is translated"
  else
    ok "$lang: every string the sources have now is translated"
  fi
done
echo "1..$n"
exit $failed
