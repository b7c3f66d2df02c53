#!/bin/bash
# Runs a command with the tests' WordPress (start-wordpress.sh) answering,
# its address, users and application passwords in the environment
# (LEDE_WP_URL, LEDE_WP_ADMIN_USER, LEDE_WP_ADMIN_PASSWORD, …).
#   wordpress-session.sh RUN_DIR COMMAND ARGS...
#
# One WordPress serves every test of a run: the first test to need it
# starts it (about 5 s) and records it in RUN_DIR; each test holds a shared
# lock on RUN_DIR/lease while it runs; a watchdog stops WordPress once no
# test has held the lease for IDLE seconds, so nothing is left running
# after `meson test`. Tests never assume a fresh site: each makes its own
# posts and stories.
set -u
here=$(cd "$(dirname "$0")" && pwd)
run=$1
shift
mkdir -p "$run"
run=$(cd "$run" && pwd)
idle=${LEDE_WP_IDLE_SECONDS:-45}

alive () {
  [ -f "$run/current" ] || return 1
  local dir
  dir=$(cat "$run/current")
  [ -f "$dir/env" ] && [ -f "$dir/pids" ] || return 1
  while read -r pid; do
    kill -0 "$pid" 2> /dev/null || return 1
  done < "$dir/pids"
}

touch "$run/lease"
exec 8> "$run/start.lock"
flock 8
if ! alive; then
  [ -f "$run/current" ] && "$here/stop-wordpress.sh" "$(cat "$run/current")"
  rm -f "$run/current"
  dir=$(mktemp -d "${TMPDIR:-/tmp}/lede-wordpress.XXXXXX")
  if ! "$here/start-wordpress.sh" "$dir" 8>&-; then
    echo "Bail out! the tests' WordPress did not start"
    exit 1
  fi
  echo "$dir" > "$run/current"
  # The watchdog: detached, with none of the test's descriptors, so meson
  # does not wait for it.
  setsid "$here/wordpress-watchdog.sh" "$run" "$dir" "$idle" \
    < /dev/null > /dev/null 2>&1 8>&- &
fi
dir=$(cat "$run/current")
exec 9< "$run/lease"
flock -s 9
exec 8>&-

set -a
. "$dir/env"
set +a
exec "$@"
