/**
 * `TRACE_VIEWER=phoenix npm start`: Arize Phoenix (an OpenTelemetry trace viewer from PyPI,
 * installed by scripts/ensure-phoenix.sh) next to the system, receiving its traces over
 * OTLP/HTTP. Off by default: nothing is installed or started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { AppConfig } from '../platform/config';
import { SetupError } from './embedded-postgres';

type Viewer = NonNullable<AppConfig['traceViewer']>;

export interface TraceViewerLaunch {
  command: string;
  args: string[];
  /** Added to the environment of `phoenix serve`. */
  env: Record<string, string>;
  /** Where a browser opens it. */
  url: string;
  /** Probed until it answers 200. */
  readyUrl: string;
  /** The OTLP/HTTP base URL the app exports to (the SDK appends `/v1/traces`). */
  otlpEndpoint: string;
}

/** How `phoenix serve` is started: its ports, loopback only, its data under DATA_DIR, nothing fetched from outside. */
export function phoenixLaunch(viewer: Viewer, dataDir: string, phoenixBin: string): TraceViewerLaunch {
  const url = `http://127.0.0.1:${viewer.port}`;
  return {
    command: phoenixBin,
    args: ['serve'],
    env: {
      PHOENIX_HOST: '127.0.0.1',
      PHOENIX_PORT: String(viewer.port),
      PHOENIX_GRPC_PORT: String(viewer.grpcPort),
      PHOENIX_WORKING_DIR: path.join(dataDir, 'phoenix'),
      PHOENIX_TELEMETRY_ENABLED: 'false',
      // Else it connects to its vendor's documentation server at start (and fails, offline).
      PHOENIX_ALLOW_EXTERNAL_RESOURCES: 'false',
    },
    url,
    readyUrl: `${url}/healthz`,
    otlpEndpoint: url,
  };
}

/**
 * The exporter settings that send the app's traces to the viewer — none when the user chose an
 * endpoint of their own (then the viewer runs, and receives only what is sent to it).
 */
export function otlpEnvFor(
  launch: Pick<TraceViewerLaunch, 'otlpEndpoint'>,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return {};
  return { OTEL_EXPORTER_OTLP_ENDPOINT: launch.otlpEndpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' };
}

export interface RunningTraceViewer {
  url: string;
  otlpEndpoint: string;
  stop(): Promise<void>;
}

/** Installs Phoenix if needed, starts it, and waits until it serves. */
export async function startTraceViewer(
  viewer: Viewer,
  dataDir: string,
  log: (message: string) => void,
  timeoutMs = 120_000,
): Promise<RunningTraceViewer> {
  // npm start runs in the repository's root.
  const phoenixBin = execFileSync('bash', [path.resolve('scripts/ensure-phoenix.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const launch = phoenixLaunch(viewer, dataDir, phoenixBin);
  log(`starting the trace viewer (Phoenix) on ${launch.url}`);
  // Its own process group: Ctrl-C reaches npm start, which flushes the last spans before stopping it.
  const child = spawn(launch.command, launch.args, {
    env: { ...process.env, ...launch.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    await waitUntilServing(child, launch.readyUrl, timeoutMs);
  } catch (error) {
    await stop();
    throw new SetupError(
      `the trace viewer did not start (TRACE_VIEWER=phoenix): ${(error as Error).message}\n${stderr}`,
    );
  }
  return { url: launch.url, otlpEndpoint: launch.otlpEndpoint, stop };
}

async function waitUntilServing(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`phoenix exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
