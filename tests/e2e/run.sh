#!/usr/bin/env bash
# Runs the end-to-end tests against the real app window:
# Xvfb (virtual display) + tauri-driver (which starts WebKitWebDriver) + node:test.
# Usage: tests/e2e/run.sh <path to the app binary>   (E2E_TESTS=file.test.mjs runs one file;
# E2E_SCRIPT=file.mjs runs a plain script instead, e.g. the UI benchmark)
set -euo pipefail
APP="$(realpath "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOGS="$ROOT/target/e2e-logs"
SHOTS="$ROOT/target/e2e-screenshots"
mkdir -p "$LOGS"; rm -rf "$SHOTS"; mkdir -p "$SHOTS"

# A free display number and free driver ports, so parallel runs don't collide.
DISP=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then DISP=":$n"; break; fi
done
[ -n "$DISP" ] || { echo "no free X display" >&2; exit 1; }
port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=4444; while ! port_free $PORT || ! port_free $((PORT+1)); do PORT=$((PORT+2)); done

Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 & XPID=$!
DISPLAY="$DISP" tauri-driver --port "$PORT" --native-port $((PORT+1)) >"$LOGS/tauri-driver.log" 2>&1 & DPID=$!
cleanup() { kill "$DPID" "$XPID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do port_free "$PORT" || break; sleep 0.1; done

export DISPLAY="$DISP" TAURI_DRIVER_URL="http://127.0.0.1:$PORT" VIGIL_APP="$APP" VIGIL_SCREENSHOTS="$SHOTS"
if [ -n "${E2E_SCRIPT:-}" ]; then
  node "$E2E_SCRIPT"
else
  node --test --test-concurrency=1 ${E2E_TESTS:-"$HERE"/*.test.mjs}
  echo "screenshots: $SHOTS"
fi
