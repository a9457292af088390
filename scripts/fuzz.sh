#!/usr/bin/env bash
# Fuzzes the running API with Schemathesis over /openapi.json, once per role (customer,
# technician, cs, operator): no 5xx, every answer as the document says. Starts the whole system on
# free ports and a throw-away data folder, and stops it again (scripts/fuzz.ts).
#
# Schemathesis comes from PyPI into a venv in the user's cache (SELFCARE_CACHE_DIR, else
# ~/.cache/oxygen-selfcare/schemathesis-<version>), pinned; every clone on the machine reuses it.
# Knobs (environment): FUZZ_MAX_EXAMPLES (25 per operation and phase), FUZZ_MAX_TIME (60 s per
# role), FUZZ_SEED, FUZZ_CHECKS (all), FUZZ_REPORT_DIR (.tools/fuzz-report).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
CACHE="${SELFCARE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oxygen-selfcare}"
VENV="$CACHE/schemathesis-$SCHEMATHESIS_VERSION"
PYTHON="${PYTHON:-python3}"

mkdir -p "$CACHE"
(
  # Two clones fuzzing at once install it once.
  flock 9
  if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
    echo "installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
) 9>"$VENV.lock"

bash scripts/setup.sh
export SCHEMATHESIS_BIN="$VENV/bin/schemathesis"
exec node --import tsx scripts/fuzz.ts
