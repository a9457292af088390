#!/usr/bin/env bash
# The browser tests (test/web) and the screenshots drive Debian's Chromium through playwright-core.
# Uses CHROMIUM_PATH, else /usr/bin/chromium; installs Debian's `chromium` when it is missing and
# this runs as root with apt (as on CI here); otherwise says how to get one.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM is not an executable" >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium. Either install Debian's package (sudo apt-get install chromium),
or point CHROMIUM_PATH at a Chromium or Chrome binary (on a machine with internet,
`npx playwright install chromium` downloads one: use the path it prints).
MSG
exit 1
