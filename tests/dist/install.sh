#!/usr/bin/env bash
# Installs the Debian package the way agency IT would (dpkg -i), checks the
# CLI and starts the installed app under Xvfb long enough for a screenshot,
# then removes the package again. Usage: tests/dist/install.sh PACKAGE.deb
set -euo pipefail
DEB="$(realpath "$1")"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHOTS="$ROOT/target/e2e-screenshots"; mkdir -p "$SHOTS"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
PKG="$(dpkg-deb -f "$DEB" Package)"
WORK="$(mktemp -d)"
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "${XPID:-}" ] && kill "$XPID" 2>/dev/null || true
  $SUDO dpkg -r "$PKG" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "package: $PKG, $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"
dpkg-deb -c "$DEB" | awk '{print $6}' | grep -E 'usr/bin/|\.desktop$|icons/' 
$SUDO dpkg -i "$DEB" >/dev/null
command -v vigil >/dev/null || { echo "vigil is not on PATH after install"; exit 1; }
vigil --version
APPBIN="$(dpkg -L "$PKG" | grep -E '^/usr/bin/' | grep -v '/usr/bin/vigil$' | head -1)"
[ -x "$APPBIN" ] || { echo "no desktop binary in the package"; exit 1; }
DESKTOP="$(dpkg -L "$PKG" | grep -E '\.desktop$' | head -1)"
[ -n "$DESKTOP" ] && grep -q "^Exec=" "$DESKTOP" || { echo "no desktop entry"; exit 1; }

# A first-start window of the installed app, on a throwaway workspace folder.
DISP=""
for n in $(seq 150 199); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then DISP=":$n"; break; fi
done
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
sleep 1
DISPLAY="$DISP" "$APPBIN" --workspace "$WORK/ws" >"$WORK/app.log" 2>&1 & APP_PID=$!
for _ in $(seq 1 60); do
  if DISPLAY="$DISP" xdotool search --name '^Vigil$' >/dev/null 2>&1; then break; fi
  sleep 0.5
done
sleep 4
kill -0 "$APP_PID" || { cat "$WORK/app.log"; echo "the installed app exited"; exit 1; }
DISPLAY="$DISP" import -window root "$SHOTS/dist-installed-app.png"
# The window drew something: more than a handful of colours.
colours=$(convert "$SHOTS/dist-installed-app.png" -format %k info:)
[ "$colours" -gt 20 ] || { echo "the installed app's window looks empty ($colours colours)"; exit 1; }
echo "installed app started; screenshot: $SHOTS/dist-installed-app.png ($colours colours)"
