#!/bin/sh
# Creates Temporal's two databases on PostgreSQL and brings their schemas up to the server's
# version: safe to run on every start (an existing database is kept, applied versions are
# skipped). Run by `npm run cluster` and by docker-compose's temporal-schema service.
set -eu
: "${POSTGRES_SEEDS:?host of PostgreSQL}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
sql_tool="${SQL_TOOL:-temporal-sql-tool}"
schema_dir="${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}"

for target in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  db="${target%%:*}"
  schema="${target##*:}"
  set -- --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" \
    -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" --db "$db"
  "$sql_tool" "$@" create-database >/dev/null 2>&1 || echo "database $db exists"
  "$sql_tool" "$@" setup-schema -v 0.0
  "$sql_tool" "$@" update-schema -d "$schema_dir/$schema/versioned"
done
