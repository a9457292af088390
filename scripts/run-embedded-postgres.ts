/**
 * Runs only the embedded PostgreSQL, for tests and benchmarks that need a database without the
 * rest of the system: `node --import tsx scripts/run-embedded-postgres.ts <dataDir> <port>`.
 * Prints `ready <url>` once it accepts connections; SIGTERM stops it, and so does its parent's exit.
 */
import { SetupError, startEmbeddedPostgres } from '../local/embedded-postgres';
import { createLogger } from '../platform/logger';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: run-embedded-postgres.ts <dataDir> <port>');
  const database = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  });
  process.stdout.write(`ready ${database.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A test killed mid-run cannot stop us: when our parent is gone, stop by ourselves.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 1_000);
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof SetupError ? error.message : error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
