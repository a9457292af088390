/**
 * Read latency of the API (package list, subscription) with `wrk` (Debian: apt-get install -y
 * wrk): a closed loop of `connections` keep-alive connections for `seconds`, 127.0.0.1 only.
 * Without wrk on PATH, a built-in loop of the same shape (Node's fetch) stands in, and the report
 * says so.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { percentile } from './stats';

const run = promisify(execFile);

export interface ReadResult {
  name: string;
  tool: string;
  requests: number;
  rps: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

const LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

export function loadTool(): { name: string; version: string } {
  try {
    execFileSync('wrk', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // `wrk -v` prints its version and exits 1.
    const out = `${(error as { stdout?: string }).stdout ?? ''}`;
    const version = /wrk (\S+)/.exec(out)?.[1];
    if (version) return { name: 'wrk', version };
  }
  return { name: 'built-in (fetch)', version: `Node ${process.version}` };
}

/** What to read, for how long, over how many connections. */
interface ReadOptions {
  name: string;
  url: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export async function measureReads(options: ReadOptions): Promise<ReadResult> {
  const tool = loadTool();
  if (tool.name === 'wrk') return withWrk(options);
  return withFetch(options, tool.name);
}

async function withWrk(options: ReadOptions): Promise<ReadResult> {
  const script = path.join(os.tmpdir(), `selfcare-bench-wrk-${process.pid}.lua`);
  fs.writeFileSync(script, LUA);
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    ...Object.entries(options.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    options.url,
  ];
  const { stdout } = await run('wrk', args, { timeout: (options.seconds + 30) * 1000 });
  const json = /WRKJSON (\{.*\})/.exec(stdout)?.[1];
  if (!json) throw new Error(`wrk printed no summary:\n${stdout}`);
  const r = JSON.parse(json) as Record<string, number>;
  return {
    name: options.name,
    tool: 'wrk',
    requests: r.requests!,
    rps: r.requests! / (r.duration_us! / 1e6),
    errors: r.errors! + r.non2xx!,
    p50: r.p50! / 1000,
    p95: r.p95! / 1000,
    p99: r.p99! / 1000,
  };
}

async function withFetch(options: ReadOptions, tool: string): Promise<ReadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const response = await fetch(options.url, { headers: options.headers });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: options.name,
    tool,
    requests: latencies.length,
    rps: latencies.length / ((performance.now() - started) / 1000),
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}
