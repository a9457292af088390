#!/usr/bin/env bash
# Everything `npm start` and `npm test` need beyond `npm ci`: Temporal binaries and the Prisma client.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-temporal.sh
# `prisma generate` reads the datasource URL but never connects; any well-formed URL will do.
DATABASE_URL="${DATABASE_URL:-postgresql://unused@localhost:5432/unused}" npx --no-install prisma generate >/dev/null
echo "setup done: Temporal binaries in place, Prisma client generated" >&2
