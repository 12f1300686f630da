#!/bin/sh
# Runs a test on a private session bus with a GNOME Keyring of its own: HOME, XDG_RUNTIME_DIR and
# XDG_DATA_HOME are temporary, so the user's own keyring and bus are never reached.
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run" "$scratch/data"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data"
unset DBUS_SESSION_BUS_ADDRESS DISTILBENCH_KEYCHAIN
# The password unlocks (and on first use creates) the login keyring without a prompt.
dbus-run-session -- sh -c '
  printf "distilbench-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
