#!/bin/bash
# Installs Lede into a temporary prefix from a build of its own, then runs
# the installed lede-cli and lede from there, with nothing of a build folder
# in their environment. TAP on stdout; the build's own output goes to a log.
set -u

src=${1:?the source folder}
tmp=$(mktemp -d)
trap 'kill $lede_pid 2>/dev/null; rm -rf "$tmp"' EXIT
lede_pid=
prefix=$tmp/prefix
log=/dev/null
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ -s "$log" ] && sed 's/^/# /' "$log" | tail -n 30; }
# Each check's output is kept apart, and shown only when it fails.
check () { local what=$1; shift; log=$tmp/check-$((n + 1)).log; if "$@" > "$log" 2>&1; then ok "$what"; else not_ok "$what"; fi; }

echo "1..16"

# A build of its own: the tests' environment must not reach the installed
# programs, and the everyday build folder is never looked at.
unset GSETTINGS_SCHEMA_DIR G_TEST_SRCDIR G_TEST_BUILDDIR LEDE_EXE LEDE_CLI G_DEBUG
check "meson setup --prefix" meson setup "$tmp/build" "$src" --prefix="$prefix" -Dui_tests=disabled
check "meson install" meson install -C "$tmp/build"
rm -rf "$tmp/build"   # gone, so nothing installed can lean on it

moduledir=$(find "$prefix" -maxdepth 4 -type d -name lede -path '*/lib*' | head -n 1)
check "installed files" test -x "$prefix/bin/lede" -a -x "$prefix/bin/lede-cli" \
  -a -f "$moduledir/liblede-preview.so" -a -f "$moduledir/liblede-photo-metadata.so" -a -f "$moduledir/liblede-http.so" -a -f "$moduledir/liblede-zip.so" -a -f "$moduledir/liblede-keyring.so" \
  -a -f "$prefix/share/glib-2.0/schemas/gschemas.compiled" \
  -a -f "$prefix/share/applications/io.github.ledeapp.Lede.desktop" \
  -a -f "$prefix/share/metainfo/io.github.ledeapp.Lede.metainfo.xml" \
  -a -f "$prefix/share/icons/hicolor/scalable/apps/io.github.ledeapp.Lede.svg" \
  -a -f "$prefix/share/locale/de/LC_MESSAGES/lede.mo"

# No folder of any build in the installed programs' data or their run path.
no_build_paths () {
  for exe in "$prefix/bin/lede" "$prefix/bin/lede-cli" "$moduledir/liblede-preview.so" "$moduledir/liblede-photo-metadata.so" "$moduledir/liblede-http.so" "$moduledir/liblede-zip.so" "$moduledir/liblede-keyring.so"; do
    readelf -p .rodata "$exe" | grep -F -e "$tmp/build" -e "$src" && { echo "$exe names a build folder"; return 1; }
    readelf -d "$exe" | grep -E 'RUNPATH|RPATH' && { echo "$exe has a run path"; return 1; }
  done
  return 0
}
check "no build folder in the installed programs" no_build_paths

# What the modules hold is loaded when first needed, never with every start.
no_module_libraries () {
  for exe in "$prefix/bin/lede" "$prefix/bin/lede-cli"; do
    readelf -d "$exe" | grep NEEDED | grep -E 'libarchive|libsecret|libsoup|gexiv2|webkit' && { echo "$exe links what a module holds"; return 1; }
  done
  return 0
}
check "the installed programs link none of their modules' libraries" no_module_libraries

export PATH=$prefix/bin:/usr/bin:/bin
export XDG_DATA_DIRS=$prefix/share:/usr/share
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8

cat > "$tmp/story.md" <<'STORY'
---
title: Ferry timetable changes for the winter
byline: Ines Varga
---
The island ferry will sail twice a day from 7 December, the operator said.
STORY
check "installed lede-cli imports" lede-cli --library "$tmp/library.db" import "$tmp/story.md"
check "installed lede-cli lists" bash -c "lede-cli --library '$tmp/library.db' list | grep -q 'Ferry timetable'"
# A Word document is zipped by the installed zip module (libarchive).
docx_export () {
  mkdir -p "$tmp/docx" &&
  lede-cli --library "$tmp/library.db" export --format docx --out "$tmp/docx" --all &&
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; assert "word/document.xml" in z.namelist()' \
    "$tmp/docx/ferry-timetable-changes-for-the-winter.docx"
}
check "installed lede-cli writes a Word document through its zip module" docx_export
# A photo's caption is read by the installed photo metadata module (gexiv2).
photo_caption () {
  python3 -c 'import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
row = b"\0" + b"\x20\x60\xa0" * 8
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(row * 8)) + chunk(b"IEND", b""))' > "$tmp/quay.png" &&
  /usr/bin/exiv2 "-Mset Xmp.dc.description LangAlt lang=x-default The quay at dawn" "$tmp/quay.png" &&
  uuid=$(lede-cli --library "$tmp/library.db" list --json | sed -n 's/.*"uuid" : "\(.*\)".*/\1/p' | head -n 1) &&
  lede-cli --library "$tmp/library.db" photo add "$uuid" "$tmp/quay.png" &&
  lede-cli --library "$tmp/library.db" photo list "$uuid" | grep -q 'The quay at dawn'
}
check "installed lede-cli reads a photo's caption" photo_caption
# Sites are spoken to through the installed HTTP module (libsoup): a port
# where nothing listens is "nothing answers", not a file missing.
site_unreachable () {
  ! echo secret | DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
      lede-cli site add closed http://127.0.0.1:9/ --user ed > "$tmp/site.out" 2>&1 &&
  grep -q 'Nothing answers at http://127.0.0.1:9/' "$tmp/site.out"
}
check "installed lede-cli reaches sites through its HTTP module" site_unreachable
# Passwords go through the installed keyring module (libsecret): with no
# Secret Service on the bus, it is the store that does not answer, not a
# file missing.
keyring_reached () {
  mkdir -p "$XDG_CONFIG_HOME/lede" &&
  printf '[gazette]\naddress=https://gazette.example.org/\nuser=ines\n' > "$XDG_CONFIG_HOME/lede/sites.conf" &&
  DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent lede-cli site remove gazette > "$tmp/keyring.out" 2>&1 &&
  grep -q 'The password store (Secret Service) did not answer' "$tmp/keyring.out"
}
check "installed lede-cli reaches the password store through its keyring module" keyring_reached
# The German of the summary, read from the installed catalogue itself.
summary="Lede's stories, from the command line."
german=$(LANGUAGE=de TEXTDOMAINDIR=$prefix/share/locale gettext -d lede "$summary")
check "installed lede-cli speaks German from the prefix" \
  bash -c "[ \"\$1\" != \"\$2\" ] && LANGUAGE=de lede-cli --help | grep -qF -- \"\$1\"" _ "$german" "$summary"

# The installed window: its schema, resources and icons come from the prefix.
lede --library "$tmp/library.db" > "$tmp/lede.log" 2>&1 &
lede_pid=$!
found=
for _ in $(seq 1 100); do
  if xdotool search --pid "$lede_pid" --onlyvisible --name . > /dev/null 2>&1; then found=1; break; fi
  kill -0 "$lede_pid" 2>/dev/null || break
  sleep 0.1
done
log=$tmp/lede.log
if [ -n "$found" ]; then ok "installed lede shows its window"; else not_ok "installed lede shows its window"; fi
# The window opens in the Split layout: the installed preview module loads
# after the first frame and starts WebKit's web process.
web_process () {
  for _ in $(seq 1 100); do
    for child in $(pgrep -P "$lede_pid"); do
      pgrep -f -P "$child" WebKitWebProcess > /dev/null && return 0
      tr '\0' ' ' < "/proc/$child/cmdline" | grep -q WebKitWebProcess && return 0
    done
    sleep 0.1
  done
  return 1
}
check "installed lede loads its preview" web_process
check "installed lede still running" kill -0 "$lede_pid"
kill "$lede_pid" 2>/dev/null; wait "$lede_pid" 2>/dev/null
lede_pid=
check "installed lede said nothing alarming" bash -c "! grep -E 'CRITICAL|WARNING|not installed|No such' '$tmp/lede.log'"

exit $failed
