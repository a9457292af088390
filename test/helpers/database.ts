import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '../../platform/database';
import { migrateDatabase } from '../../platform/migrate';
import { freePort } from '../../platform/processes';
import { seedDatabase } from '../../prisma/seed-data';

const projectRoot = path.resolve(__dirname, '..', '..');

export interface TestDatabase {
  url: string;
  db: Database;
  /** Stops PostgreSQL (the data stays), for fault tests; `start()` brings it back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * A real PostgreSQL of its own for one test file: embedded server on a free port, a throw-away
 * data folder, migrations applied and, unless told otherwise, the seed loaded as of `seedDate`.
 */
export async function startTestDatabase(
  options: { seedDate?: Date; seed?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-db-'));
  const port = await freePort();
  let server = await spawnPostgres(dataDir, port);
  const url = server.url;
  await migrateDatabase(url);
  const db = createDatabase(url, { maxConnections: 5 });
  if (options.seed !== false) await seedDatabase(db, options.seedDate ?? new Date());
  return {
    url,
    db,
    pause: async () => {
      await stopProcess(server.child);
    },
    resume: async () => {
      server = await spawnPostgres(dataDir, port);
    },
    teardown: async () => {
      await db.$disconnect();
      await stopProcess(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnPostgres(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/run-embedded-postgres.ts', dataDir, String(port)],
    {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (\S+)$/m.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}):\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
