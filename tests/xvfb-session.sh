#!/bin/bash
# Runs a command under a private X server and D-Bus session, for the window
# tests. Xvfb picks a free display itself (-displayfd), so tests that follow
# each other never race for one, as xvfb-run -a's lock files can.
#   xvfb-session.sh DBUS_CONFIG COMMAND ARGS...
set -u
config=$1
shift

# Starts Xvfb and sets DISPLAY; false when the server did not come up.
# Wider and taller than any window a test makes (1280 px at most).
start_server () {
  local fifo display
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  # -noreset: by default the server resets as its last client leaves; a
  # test that starts lede again after killing it (ui-crash, ui-a11y) then
  # met "cannot open display" now and then, mid-reset.
  # -noreset: by default the server resets as its last client leaves; a
  # test that starts lede again after killing it (ui-crash, ui-a11y) met
  # "cannot open display" now and then, mid-reset. The pointer stays where
  # a server starts it, mid-screen, as every reset put it back before (the
  # tests are written for it there: GTK 4.8's "narrow" window test fails
  # with it in a corner).
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3> "$fifo" 2> "$fifo.log" &
  server=$!
  read -r display < "$fifo"
  rm -f "$fifo"
  if [ -z "$display" ]; then
    echo "# Xvfb did not start:" $(cat "$fifo.log") >&2
    rm -f "$fifo.log"
    wait $server 2> /dev/null
    return 1
  fi
  rm -f "$fifo.log"
  export DISPLAY=":$display"
  # The window must not be the first to knock: wait until the server answers.
  for _ in $(seq 50); do
    xdotool getdisplaygeometry > /dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "# Xvfb on $DISPLAY does not answer" >&2
  kill $server 2> /dev/null
  wait $server 2> /dev/null
  return 1
}

# The runtime folder the tests name (WebKit's sockets go there): private.
if [ -n "${XDG_RUNTIME_DIR:-}" ]; then
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
fi

server=
for attempt in 1 2 3; do
  start_server && break
  server=
done
if [ -z "$server" ]; then
  echo "Bail out! no X server for the window tests"
  exit 1
fi
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null' EXIT
# For a test that starts a second session of its own: the same services,
# so no document portal is started (and, killed, leaves its mount behind).
export LEDE_TEST_DBUS_CONFIG=$config
dbus-run-session --config-file "$config" -- "$@"
status=$?
exit $status
