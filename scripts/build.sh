#!/usr/bin/env bash
# `npm run build`: what the production image runs, in dist/ — the compiled JavaScript
# (tsconfig.build.json), the migrations the schema check compares with, and the prebuilt workflow
# bundle (platform/telemetry's interceptors included). Run with the development dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL="${DATABASE_URL:-postgresql://unused@localhost:5432/unused}" npx --no-install prisma generate >/dev/null
node --import tsx scripts/build-workflow-bundle.ts
rm -rf dist
npx --no-install tsc -p tsconfig.build.json
mkdir -p dist/prisma dist/.build
cp -r prisma/migrations dist/prisma/migrations
cp .build/workflow-bundle.js dist/.build/workflow-bundle.js
echo "build done: dist/api/server.js, dist/worker/main.js" >&2
