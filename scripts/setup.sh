#!/usr/bin/env bash
# Everything `npm start`, `npm test` and `npm run bench` need beyond `npm ci`: Temporal binaries,
# the Prisma client, the workflow bundle, the web app's API types (web/src/api/schema.d.ts, derived
# from the OpenAPI document, not committed) and the web app (rebuilt only when an input changed).
set -euo pipefail
cd "$(dirname "$0")/.."
# Our code runs on the Node.js release package.json pins (the `node` devDependency), which npm puts
# first on PATH in every npm script; npm itself may run on an older node (see .npmrc).
pinned="v$(node -p "require('./package.json').devDependencies.node")"
if [ "$(node --version)" != "$pinned" ]; then
  echo "This project runs on Node.js $pinned, found $(node --version): run it through npm (npm start, npm test), after npm ci." >&2
  exit 1
fi
bash scripts/ensure-temporal.sh
# `prisma generate` reads the datasource URL but never connects; any well-formed URL will do.
DATABASE_URL="${DATABASE_URL:-postgresql://unused@localhost:5432/unused}" npx --no-install prisma generate >/dev/null
node --import tsx scripts/build-workflow-bundle.ts
node --import tsx scripts/web-client.ts
node --import tsx scripts/build-web.ts
echo "setup done: Temporal binaries in place, Prisma client generated, workflow bundle and web app built" >&2
