#!/usr/bin/env bash
# Everything `npm start`, `npm test` and `npm run bench` need beyond `npm ci`: Temporal binaries,
# the Prisma client, the workflow bundle, the web app's API types (web/src/api/schema.d.ts, derived
# from the OpenAPI document, not committed) and the web app (rebuilt only when an input changed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-temporal.sh
# `prisma generate` reads the datasource URL but never connects; any well-formed URL will do.
DATABASE_URL="${DATABASE_URL:-postgresql://unused@localhost:5432/unused}" npx --no-install prisma generate >/dev/null
node --import tsx scripts/build-workflow-bundle.ts
node --import tsx scripts/web-client.ts
node --import tsx scripts/build-web.ts
echo "setup done: Temporal binaries in place, Prisma client generated, workflow bundle and web app built" >&2
