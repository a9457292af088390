import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '..');

/**
 * Applies pending migrations with `prisma migrate deploy` (the offline WASM schema engine).
 * Processes starting together (API and worker) contend for Prisma's migration advisory lock;
 * the loser fails with P1002 and simply tries again (the winner's work is then already done).
 */
export async function migrateDatabase(databaseUrl: string, attempts = 5): Promise<void> {
  if (await allApplied(databaseUrl)) return;
  const prismaCli = require.resolve('prisma/build/index.js', { paths: [projectRoot] });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
        maxBuffer: 10 * 1024 * 1024,
      });
      return;
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      if (attempt >= attempts || !output.includes('P1002')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
    }
  }
}

/**
 * Every migration folder already applied (the usual case when a worker or API process restarts):
 * one query instead of a Prisma CLI process, which takes seconds to start.
 */
async function allApplied(databaseUrl: string): Promise<boolean> {
  const folders = fs
    .readdirSync(path.join(projectRoot, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((row) => row.name));
    return folders.every((folder) => applied.has(folder));
  } catch {
    return false; // no table yet, or no database: let Prisma say what is wrong
  } finally {
    await client.end().catch(() => undefined);
  }
}
