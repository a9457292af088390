# The app image: API and worker (choose with RUN_API / RUN_WORKER). Infrastructure comes from
# the environment: DATABASE_URL and TEMPORAL_ADDRESS must be set (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN DATABASE_URL=postgresql://unused@localhost/unused npx prisma generate
# Bundle the workflow code once at build time; the worker (running as `node`) reuses it.
RUN node --import tsx scripts/build-workflow-bundle.ts
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "scripts/start.ts"]
