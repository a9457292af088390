/** The bench's command line: a flag's value, `npm run bench`'s options, the worker's extra environment. */
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..', '..');

/** `--name value` from the command line (or `argv`), undefined when absent. */
export function flagValue(name: string, argv: string[] = process.argv): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

export interface Options {
  levels: number[];
  counts: number[];
  readSeconds: number;
  readConnections: number;
  pollMs: number;
  out: string | null;
  skipPlain: boolean;
  skipReads: boolean;
  ceiling: boolean;
}

export function parseOptions(argv: string[]): Options {
  const flag = (name: string) => flagValue(name, argv);
  const has = (name: string) => argv.includes(`--${name}`);
  const list = (value: string) => value.split(',').map((v) => Number(v.trim()));
  const levels = list(flag('levels') ?? '1,5,10,25');
  const n = list(flag('n') ?? '20,40,60,100');
  const counts = n.length === levels.length ? n : levels.map(() => n[0]!);
  const options: Options = {
    levels,
    counts,
    readSeconds: Number(flag('read-seconds') ?? 5),
    readConnections: Number(flag('read-connections') ?? 2),
    pollMs: Number(flag('poll-ms') ?? 25),
    out: has('no-write') ? null : path.resolve(projectRoot, flag('out') ?? 'docs/benchmarks.md'),
    skipPlain: has('skip-plain'),
    skipReads: has('skip-reads'),
    ceiling: has('ceiling'),
  };
  const bad = [...options.levels, ...options.counts].some((v) => !Number.isInteger(v) || v < 1 || v > 1000);
  if (bad || options.readSeconds <= 0 || options.readSeconds > 60 || options.pollMs < 5) {
    throw new Error('levels and N must be integers 1-1000, --read-seconds 1-60, --poll-ms >= 5');
  }
  return options;
}

/** `K=V;K2=V2` → { K: V, K2: V2 } (values may contain `=` and spaces). */
export function parseWorkerEnv(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of (value ?? '').split(';').filter((p) => p.trim())) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--worker-env: expected K=V, got ${pair}`);
    env[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return env;
}
