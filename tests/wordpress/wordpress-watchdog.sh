#!/bin/bash
# Stops the tests' WordPress in DIR once no test has held RUN_DIR/lease for
# IDLE seconds (see wordpress-session.sh).
#   wordpress-watchdog.sh RUN_DIR DIR IDLE
set -u
here=$(cd "$(dirname "$0")" && pwd)
run=$1 dir=$2 idle=$3
idle_since=$SECONDS
while sleep 1; do
  # Someone else's WordPress now (this one died and was replaced).
  [ "$(cat "$run/current" 2> /dev/null)" = "$dir" ] || exit 0
  if flock -n -x "$run/lease" true; then
    [ $((SECONDS - idle_since)) -ge "$idle" ] || continue
    # Stop only while no test is starting or holding it.
    (
      flock 8
      flock -n -x 9 || exit 1
      [ "$(cat "$run/current" 2> /dev/null)" = "$dir" ] && rm -f "$run/current"
      "$here/stop-wordpress.sh" "$dir"
    ) 8> "$run/start.lock" 9< "$run/lease" && exit 0
  else
    idle_since=$SECONDS
  fi
done
