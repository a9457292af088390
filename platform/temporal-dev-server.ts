import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeCliPairs } from '../contracts/search-attributes';
import type { Logger } from './logger';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * The Temporal CLI dev server (`temporal server start-dev`): a real Temporal server with the Web
 * UI, persisting to SQLite under `dataDir` so runs survive a restart.
 */
export async function startTemporalDevServer(options: {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  logger: Logger;
}): Promise<DevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--db-filename',
    path.join(options.dataDir, 'temporal.sqlite'),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...searchAttributeCliPairs().flatMap((pair) => ['--search-attribute', pair]),
  ];
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not start: ${(error as Error).message}\n${output.join('')}`);
  }
  options.logger.info({ address, ui: `http://localhost:${options.uiPort}` }, 'Temporal dev server started');
  return {
    address,
    uiUrl: `http://localhost:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`not serving on ${address} after ${timeoutMs} ms: ${String(lastError)}`);
}

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
