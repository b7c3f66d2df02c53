#!/bin/bash
# Runs a command under a private X server and D-Bus session, for the window
# tests. Xvfb picks a free display itself (-displayfd), so tests that follow
# each other never race for one, as xvfb-run -a's lock files can.
#   xvfb-session.sh DBUS_CONFIG COMMAND ARGS...
set -u
config=$1
shift
fifo=$(mktemp -u)
mkfifo "$fifo"
# Wider and taller than any window a test makes (1280 px at most), so the
# pointer can wait in a corner no window covers: a tooltip that pops up
# under it as a window closes has GTK look for a surface that is gone.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3> "$fifo" 2> /dev/null &
server=$!
read -r display < "$fifo"
rm -f "$fifo"
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null' EXIT
export DISPLAY=":$display"
xdotool mousemove 1599 999
# For a test that starts a second session of its own: the same services,
# so no document portal is started (and, killed, leaves its mount behind).
export LEDE_TEST_DBUS_CONFIG=$config
dbus-run-session --config-file "$config" -- "$@"
status=$?
exit $status
