#!/usr/bin/env bash
# Runs a command against a real, private Secret Service: a session bus of its own
# (dbus-run-session) and gnome-keyring-daemon with a fresh login keyring in a temporary HOME, so
# the studio's keyring code meets the real thing without touching the user's keyring.
# Usage: with_keyring.sh COMMAND...  (skips, exit 0, when dbus-run-session or gnome-keyring is absent)
set -euo pipefail
if [ -z "${EVOGRAPH_KEYRING_BUS:-}" ]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "SKIP: dbus-run-session or gnome-keyring-daemon is not installed (scripts/install-deps.sh test)"
    exit 0
  fi
  exec env EVOGRAPH_KEYRING_BUS=1 dbus-run-session -- "$0" "$@"
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT # the daemon ends with the session bus
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
printf 'evograph-test\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
