#!/usr/bin/env bash
# Installs Arize Phoenix, the development trace viewer `TRACE_VIEWER=phoenix npm start` runs,
# from PyPI into a git-ignored venv (.tools/phoenix-venv), pinned; an install of that version is
# kept. Prints the path of its `phoenix` command.
set -euo pipefail
cd "$(dirname "$0")/.."

PHOENIX_VERSION=20.26.1
VENV=.tools/phoenix-venv
PYTHON="${PYTHON:-python3}"

if [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("arize-phoenix"))' 2>/dev/null)" != "$PHOENIX_VERSION" ]; then
  echo "installing arize-phoenix $PHOENIX_VERSION into $VENV (once; a few minutes)" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "arize-phoenix==$PHOENIX_VERSION" >&2
fi
echo "$PWD/$VENV/bin/phoenix"
