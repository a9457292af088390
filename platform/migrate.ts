import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '..');

/**
 * Applies pending migrations with `prisma migrate deploy` (the offline WASM schema engine).
 * Processes starting together (API and worker) contend for Prisma's migration advisory lock;
 * the loser fails with P1002 and simply tries again (the winner's work is then already done).
 */
export async function migrateDatabase(databaseUrl: string, attempts = 5): Promise<void> {
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
