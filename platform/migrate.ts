import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '..');

/** Applies pending migrations with `prisma migrate deploy` (the offline WASM schema engine). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const prismaCli = require.resolve('prisma/build/index.js', { paths: [projectRoot] });
  await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    maxBuffer: 10 * 1024 * 1024,
  });
}
