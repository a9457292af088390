# The app image: the API (its CMD, `node dist/api/server.js`) and the worker (`node
# dist/worker/main.js`, docker-compose.yml's worker service), each started from its own front door,
# compiled JavaScript and the production dependencies only, run as the unprivileged `node` user.
# Infrastructure comes from the environment: DATABASE_URL and TEMPORAL_ADDRESS must be set, and the
# schema migrated once per release by the `migrate` target (docker-compose.yml's `migrate` service)
# before replicas start.
#   docker build --target runtime -t oxygen-selfcare/app .
#   docker build --target migrate -t oxygen-selfcare/migrate .

# The Node.js release package.json pins (its `node` devDependency; test/unit/runtime.test.ts keeps them equal).
ARG NODE_VERSION=24.21.0

# ---- build: every dependency, then dist/ (tsc, migrations, the prebuilt workflow bundle) ------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/build.sh

# ---- migrate: the release's one-shot migration job (the Prisma CLI is a development tool) -----
FROM build AS migrate
USER node
CMD ["node", "--import", "tsx", "scripts/migrate.ts"]

# ---- runtime: what the API and worker replicas run -------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional as well: prisma and typescript are optional peers of @prisma/client.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Liveness only (no dependency checks): the API's port or, where nothing listens there (a worker),
# the worker's metrics port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const live=(p)=>fetch('http://127.0.0.1:'+p+'/livez').then(r=>r.ok);live(process.env.PORT||3000).catch(()=>live(process.env.WORKER_METRICS_PORT||9465)).then(ok=>process.exit(ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/api/server.js"]
