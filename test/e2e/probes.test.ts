/**
 * What an orchestrator sees. The probes: `/livez` stays 200 while PostgreSQL is down (no restart
 * for a blip), `/readyz` turns 503 naming the check and comes back by itself, on the API and on
 * the worker's metrics port alike. Migrations once per release: a replica started against a
 * schema one migration behind refuses with the message; `npm run migrate` then lets it start.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { stopProcess } from '../../local/processes';
import { freePorts } from '../../platform/free-ports';
import { releaseMigrations } from '../../platform/migrate';
import { PRODUCTION_ENV } from '../fixtures/production-env';
import { eventually } from '../helpers/http';
import { type Stack, startStack } from '../helpers/stack';
import { launchApp, PROJECT_ROOT } from '../support/harness';

const run = promisify(execFile);
let stack: Stack;
let workerPort: number;

beforeAll(async () => {
  [workerPort] = (await freePorts(1)) as [number];
  stack = await startStack({ label: 'probes', workerEnv: { WORKER_METRICS_PORT: String(workerPort) } });
}, 240_000);

afterAll(async () => {
  if (stack) expect(await stack.teardown()).toEqual([]);
});

const probe = async (url: string) => {
  const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : undefined };
};
const worker = () => `http://127.0.0.1:${workerPort}`;

describe('liveness and readiness while PostgreSQL is stopped and back', () => {
  it('are ready with every check ok', async () => {
    expect(await probe(`${stack.apiUrl}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', temporal: 'ok' } },
    });
    expect(await probe(`${worker()}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', temporal: 'ok', worker: 'ok' } },
    });
    const metrics = await fetch(`${worker()}/metrics`);
    expect(await metrics.text()).toContain('temporal_worker_task_slots_available');
  });

  it('stay live but turn unready without PostgreSQL, and ready again when it returns', async () => {
    await stack.stopPostgres();
    for (const base of [stack.apiUrl, worker()]) {
      // Within READINESS_CACHE_MS the last answer stands: probes never hammer PostgreSQL.
      const ready = await eventually(
        () => probe(`${base}/readyz`),
        (answer) => answer.status === 503,
        30_000,
      );
      expect(ready.body).toMatchObject({
        status: 'unready',
        checks: { database: 'unavailable', temporal: 'ok' },
      });
      expect(await probe(`${base}/livez`)).toEqual({ status: 200, body: { status: 'live' } });
    }
    await stack.startPostgres();
    for (const base of [stack.apiUrl, worker()])
      await eventually(
        () => probe(`${base}/readyz`),
        (answer) => answer.status === 200,
        30_000,
      );
  });
});

describe('a replica on a schema behind its release', () => {
  const oldUrl = () => stack.databaseUrl.replace(/\/selfcare$/, '/selfcare_old');
  const migrations = releaseMigrations();
  const last = migrations.at(-1) as string;

  beforeAll(async () => {
    const admin = new PgClient({ connectionString: stack.databaseUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE selfcare_old');
    await admin.end();
    // The previous release's schema: every migration but the last, applied as that release would.
    const previous = fs.mkdtempSync(path.join(PROJECT_ROOT, '.build', 'previous-release-'));
    try {
      fs.mkdirSync(path.join(previous, 'prisma', 'migrations'), { recursive: true });
      fs.copyFileSync(path.join(PROJECT_ROOT, 'prisma.config.ts'), path.join(previous, 'prisma.config.ts'));
      fs.cpSync(path.join(PROJECT_ROOT, 'prisma', 'schema'), path.join(previous, 'prisma', 'schema'), {
        recursive: true,
      });
      for (const name of ['migration_lock.toml', ...migrations.slice(0, -1)])
        fs.cpSync(
          path.join(PROJECT_ROOT, 'prisma', 'migrations', name),
          path.join(previous, 'prisma', 'migrations', name),
          { recursive: true },
        );
      await run(process.execPath, [require.resolve('prisma/build/index.js'), 'migrate', 'deploy'], {
        cwd: previous,
        env: { ...process.env, DATABASE_URL: oldUrl(), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      });
    } finally {
      fs.rmSync(previous, { recursive: true, force: true });
    }
  }, 120_000);

  const replica = async () => {
    const [port] = (await freePorts(1)) as [number];
    return launchApp('replica', {
      ...PRODUCTION_ENV,
      CODEC_PORT: 'off',
      API_METRICS_PORT: 'off',
      LOG_LEVEL: 'info',
      DATABASE_URL: oldUrl(),
      TEMPORAL_ADDRESS: stack.temporalAddress,
      RUN_WORKER: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
    });
  };

  it('refuses to start, naming the migration and the command', async () => {
    const refused = await replica();
    const { code } = await refused.exited;
    expect(code).toBe(1);
    expect(refused.output()).toContain(
      `failed to start: the database schema is behind this release: 1 migration(s) not applied (${last}). ` +
        'Run `npm run migrate`',
    );
  });

  it('starts once `npm run migrate` applied the release', async () => {
    const migrated = await run('npm', ['run', '-s', 'migrate'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: oldUrl() },
    });
    expect(migrated.stdout).toContain(`applied 1 migration(s): ${last}`);
    const again = await run('npm', ['run', '-s', 'migrate'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: oldUrl() },
    });
    expect(again.stdout).toContain('the schema is current: nothing to apply');

    const started = await replica();
    try {
      await started.ready();
      expect(started.output()).toContain('database schema current');
      expect(started.output()).not.toContain('database migrations applied');
    } finally {
      expect(await stopProcess(started)).toBe(0);
    }
  });
});
