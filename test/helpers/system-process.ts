import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { descendants, freePort } from '../../platform/processes';

const projectRoot = path.resolve(__dirname, '..', '..');

export interface SystemProcess {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  databaseUrl: string;
  dataDir: string;
  output(): string;
  /** Every process in the system's tree (the main process, PostgreSQL, the Temporal server…). */
  processTree(): number[];
  /**
   * `SIGTERM` to the main process, as an orchestrator sends it, or `ctrl-c`: SIGINT to the whole
   * process group, as a terminal sends it. Resolves with the exit code.
   */
  stop(how?: 'SIGTERM' | 'ctrl-c'): Promise<number | null>;
}

/**
 * Starts the real system exactly as `npm start` does (scripts/start.ts) on free ports and a
 * fresh data folder: embedded PostgreSQL, Temporal dev server, worker and API.
 */
export async function startSystemProcess(extraEnv: Record<string, string> = {}): Promise<SystemProcess> {
  const [apiPort, temporalPort, uiPort, pgPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_PG_PORT: String(pgPort),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, like a shell job: Ctrl-C reaches every process in it.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await waitFor(
    child,
    () => output.includes('selfcare upgrade is running'),
    180_000,
    () => output,
  );
  const databaseUrl = `postgresql://selfcare:selfcare@127.0.0.1:${pgPort}/selfcare`;
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    temporalUiUrl: `http://127.0.0.1:${uiPort}`,
    databaseUrl,
    dataDir,
    output: () => output,
    processTree: () => descendants(child.pid as number).concat(child.pid as number),
    stop: async (how = 'SIGTERM') => {
      const code = await stopChild(child, how);
      if (!process.env.KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

function waitFor(child: ChildProcess, ready: () => boolean, timeoutMs: number, output: () => string) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (ready()) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`system did not start (exit ${child.exitCode}):\n${output()}`));
      }
    }, 100);
  });
}

function stopChild(child: ChildProcess, how: 'SIGTERM' | 'ctrl-c'): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    if (how === 'ctrl-c') process.kill(-(child.pid as number), 'SIGINT');
    else child.kill('SIGTERM');
  });
}
