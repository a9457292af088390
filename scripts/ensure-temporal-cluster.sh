#!/usr/bin/env bash
# Finds or builds what `npm run cluster` and the cluster tests need: temporal-server,
# temporal-sql-tool, the standalone Web UI server, and the server's PostgreSQL schema files.
# Each comes from its env var when set (prebuilt binaries, e.g. from Temporal's release
# archives), else from the user's cache (<cache>/cluster/<version>/, where <cache> is
# SELFCARE_CACHE_DIR or ~/.cache/oxygen-selfcare: like Go's own build cache, every clone on the
# machine reuses it), else it is built there from the Go module proxy (cold: about 4-5 minutes
# on 2 cores; Go's caches in $HOME make later builds quick, about 30 s).
# Writes .tools/cluster.json with the resolved paths; progress goes to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

TEMPORAL_SERVER_VERSION="1.32.2"
UI_MODULE="$root/deploy/temporal/ui-server"
UI_VERSION="$(sed -n 's#^\s*github.com/temporalio/ui-server/v2 v\(.*\)$#\1#p' "$UI_MODULE/go.mod")"
cache="${SELFCARE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oxygen-selfcare}"
dest="$cache/cluster/server-$TEMPORAL_SERVER_VERSION-ui-$UI_VERSION"
mkdir -p "$dest"

# Server releases from v1.30.9 need Go >= 1.26.10; `auto` fetches that toolchain from the proxy.
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"
export GOFLAGS="${GOFLAGS:-} -trimpath"

need_go() {
  command -v go >/dev/null 2>&1 && return
  cat >&2 <<EOF
error: Go is not installed, and $1 is not built yet.
  Either install Go (any version from 1.21: it fetches the toolchain it needs), then run this again,
  or point at prebuilt binaries of Temporal server v$TEMPORAL_SERVER_VERSION:
    TEMPORAL_SERVER_PATH=…/temporal-server TEMPORAL_SQL_TOOL_PATH=…/temporal-sql-tool \\
    TEMPORAL_SCHEMA_DIR=…/schema/postgresql/v12 TEMPORAL_UI_SERVER_PATH=…/ui-server
EOF
  exit 1
}

# Prints one line per 200 packages compiled instead of go's one line per package.
progress() {
  awk -v what="$1" '{ n++ } n % 200 == 0 { printf "  %s: %d packages compiled\n", what, n > "/dev/stderr"; fflush() }
    END { printf "  %s: %d packages compiled\n", what, n > "/dev/stderr" }'
}

build_server() {
  need_go "temporal-server v$TEMPORAL_SERVER_VERSION"
  echo "building temporal-server and temporal-sql-tool v$TEMPORAL_SERVER_VERSION from the Go module proxy" \
    "(a cold build takes about 4-5 minutes on 2 cores)…" >&2
  local started=$SECONDS bin="$dest/.gobin"
  GOBIN="$bin" GOFLAGS="$GOFLAGS -mod=mod" go install -v -ldflags "-s -w" \
    "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION" 2>&1 | progress "temporal-server"
  mv "$bin/server" "$dest/temporal-server"
  mv "$bin/sql" "$dest/temporal-sql-tool"
  rmdir "$bin"
  echo "built temporal-server in $((SECONDS - started)) s" >&2
}

copy_schema() {
  need_go "the schema of temporal-server v$TEMPORAL_SERVER_VERSION"
  local module_dir
  module_dir="$(GOFLAGS=-mod=mod go mod download -json "go.temporal.io/server@v$TEMPORAL_SERVER_VERSION" |
    sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
  rm -rf "$dest/schema.part"
  cp -R "$module_dir/schema/postgresql/v12" "$dest/schema.part"
  chmod -R u+w "$dest/schema.part"
  mv "$dest/schema.part" "$dest/schema"
}

build_ui() {
  need_go "the Temporal Web UI server v$UI_VERSION"
  echo "building the Temporal Web UI server v$UI_VERSION (about a minute cold)…" >&2
  local started=$SECONDS
  (cd "$UI_MODULE" && go build -v -mod=readonly -ldflags "-s -w" -o "$dest/.ui/" tool 2>&1) | progress "ui-server"
  mv "$dest/.ui/server" "$dest/temporal-ui-server"
  rmdir "$dest/.ui"
  echo "built the Web UI server in $((SECONDS - started)) s" >&2
}

[ -n "${TEMPORAL_SERVER_PATH:-}" ] || [ -x "$dest/temporal-server" ] || build_server
[ -n "${TEMPORAL_SCHEMA_DIR:-}" ] || [ -d "$dest/schema" ] || copy_schema
[ -n "${TEMPORAL_UI_SERVER_PATH:-}" ] || [ -x "$dest/temporal-ui-server" ] || build_ui

server="${TEMPORAL_SERVER_PATH:-$dest/temporal-server}"
sql_tool="${TEMPORAL_SQL_TOOL_PATH:-$dest/temporal-sql-tool}"
schema="${TEMPORAL_SCHEMA_DIR:-$dest/schema}"
ui="${TEMPORAL_UI_SERVER_PATH:-$dest/temporal-ui-server}"
for binary in "$server" "$sql_tool" "$ui"; do
  [ -x "$binary" ] || { echo "error: $binary is not an executable" >&2; exit 1; }
done
[ -d "$schema/temporal/versioned" ] || { echo "error: $schema has no temporal/versioned folder" >&2; exit 1; }

cat > "$root/.tools/cluster.json" <<JSON
{
  "serverVersion": "$TEMPORAL_SERVER_VERSION",
  "uiVersion": "$UI_VERSION",
  "temporalServer": "$server",
  "sqlTool": "$sql_tool",
  "schemaDir": "$schema",
  "uiServer": "$ui"
}
JSON
echo "Temporal cluster binaries: server v$TEMPORAL_SERVER_VERSION, Web UI v$UI_VERSION in $dest" >&2
