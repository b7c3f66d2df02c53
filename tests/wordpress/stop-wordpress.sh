#!/bin/bash
# Stops what start-wordpress.sh DIR started and deletes DIR.
#   stop-wordpress.sh DIR
set -u
dir=$1
[ -d "$dir" ] || exit 0
if [ -f "$dir/pids" ]; then
  # Each server leads a session of its own (setsid): PHP's workers too.
  while read -r pid; do
    kill -- "-$pid" 2> /dev/null || kill "$pid" 2> /dev/null
  done < "$dir/pids"
  for _ in $(seq 100); do
    alive=0
    while read -r pid; do
      kill -0 "$pid" 2> /dev/null && alive=1
    done < "$dir/pids"
    [ $alive = 0 ] && break
    sleep 0.05
  done
  while read -r pid; do
    kill -9 -- "-$pid" 2> /dev/null || kill -9 "$pid" 2> /dev/null
  done < "$dir/pids"
fi
rm -rf "$dir"
