import fs from 'node:fs';
import path from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { searchAttributeCliPairs } from '../contracts/search-attributes';
import type { Logger } from '../platform/logger';
import { type Launched, launch, stopProcess, waitUntil } from './processes';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** The Web UI decodes payloads through this codec server (api/codec-server.ts). */
  codecEndpoint?: string;
  /** How long closed runs are kept (the dev server's own default is a day). */
  retention?: string;
}

/** `temporal server start-dev` on 127.0.0.1, persisting to `<dataDir>/temporal.sqlite`, with our search attributes. */
export function devServerArgs(options: Omit<DevServerOptions, 'cliPath' | 'retention'>): string[] {
  return [
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
    ...(options.codecEndpoint ? ['--ui-codec-endpoint', options.codecEndpoint] : []),
  ];
}

/**
 * The Temporal CLI dev server (`temporal server start-dev`): a real Temporal server with the Web
 * UI, persisting to SQLite under `dataDir` so runs survive a restart.
 */
export async function startTemporalDevServer(
  options: DevServerOptions & { logger: Logger },
): Promise<DevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const server = launch('Temporal dev server', options.cliPath, devServerArgs(options));
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, server, 60_000);
    if (options.retention) await setRetention(address, options.namespace, options.retention);
  } catch (error) {
    await stopProcess(server, { signal: 'SIGKILL' });
    throw new Error(`Temporal dev server did not start: ${(error as Error).message}`);
  }
  const uiUrl = `http://localhost:${options.uiPort}`;
  options.logger.info({ frontend: address, ui: uiUrl }, 'Temporal dev server started');
  return {
    address,
    uiUrl,
    stop: async () => {
      await stopProcess(server, { graceMs: 10_000 });
    },
  };
}

/**
 * Resolves once the server at `address` answers GetSystemInfo (over `tls` when given: a frontend
 * that requires a client certificate); fails if `server` exits first.
 */
export function waitUntilServing(
  address: string,
  server: Launched,
  timeoutMs: number,
  tls?: TLSConfig,
): Promise<void> {
  return waitUntil(server, `serving on ${address}`, () => temporalServes(address, tls), timeoutMs, 250);
}

async function temporalServes(address: string, tls?: TLSConfig): Promise<boolean> {
  const connection = await Connection.connect({ address, tls, connectTimeout: 1_000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** The namespace keeps closed runs for `retention` (docs/decisions.md, "Retention"). */
export async function setRetention(address: string, namespace: string, retention: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    await connection.workflowService.updateNamespace({
      namespace,
      config: { workflowExecutionRetentionTtl: msToTs(retention as Duration) },
    });
  } finally {
    await connection.close();
  }
}
