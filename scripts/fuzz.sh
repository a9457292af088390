#!/usr/bin/env bash
# Fuzzes the running API with Schemathesis over /openapi.json, once per role (customer,
# technician, operator): no 5xx, every answer as the document says. Starts the whole system on
# free ports and a throw-away data folder, and stops it again (scripts/fuzz.ts).
#
# Schemathesis comes from PyPI into a git-ignored venv (.tools/schemathesis-venv), pinned.
# Knobs (environment): FUZZ_MAX_EXAMPLES (25 per operation and phase), FUZZ_MAX_TIME (75 s per
# role), FUZZ_SEED, FUZZ_CHECKS (all), FUZZ_REPORT_DIR (.tools/fuzz-report).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
VENV=.tools/schemathesis-venv
PYTHON="${PYTHON:-python3}"

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
  echo "installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

bash scripts/setup.sh
export SCHEMATHESIS_BIN="$PWD/$VENV/bin/schemathesis"
exec node --import tsx scripts/fuzz.ts
