#!/usr/bin/env bash
# The static checks `npm test` runs before any test: lint (Biome, import circles, layers), the
# type checks of the service and of the web app, and the web client against the OpenAPI document.
# They read files only and are mostly single-threaded, so they run side by side; each one's output
# is printed whole, in this order, and the first failure fails the step.
set -uo pipefail
cd "$(dirname "$0")/.."
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

checks=(
  "lint|npm run -s lint"
  "typecheck (service)|npx --no-install tsc --noEmit -p ."
  "typecheck (web app)|npx --no-install tsc --noEmit -p web"
  "web client up to date|npm run -s web:client -- --check"
)
pids=()
for i in "${!checks[@]}"; do
  bash -c "${checks[$i]#*|}" >"$logs/$i" 2>&1 &
  pids+=("$!")
done

failed=0
for i in "${!checks[@]}"; do
  if wait "${pids[$i]}"; then status=passed; else status=FAILED; failed=1; fi
  echo "== ${checks[$i]%%|*}: $status"
  cat "$logs/$i"
done
exit "$failed"
