/** The bench's Markdown report of a run: its targets, loads, ceiling, reads, query plans and settings. */
import { CEILING_STEPS, CEILING_VARIANTS, type CeilingVariant } from './ceiling-workflows';
import { type Column, columnTable } from './columns';
import type { QueryPlan } from './database';
import type { DriveResult } from './drive';
import { goalRows } from './goals';
import type { Breakdown } from './history';
import { machineRows, type RunSettings } from './machine';
import type { ThreadTicks, Usage } from './proc';
import type { ReadResult } from './reads';
import { markdownTable } from './report';
import type { CeilingResult, LevelResult } from './results';
import { distribution, fmt } from './stats';

export function renderReport(
  input: RunSettings & {
    temporal: LevelResult[];
    plain: LevelResult[];
    ceiling: CeilingResult[];
    reads: Array<ReadResult & { condition: string }>;
    mixed: LevelResult | undefined;
    plans: QueryPlan[];
    totalSeconds: number;
  },
): string {
  const { options, temporal, plain, ceiling, reads, mixed, plans } = input;
  const lines: string[] = [];
  const heading = (title: string) => lines.push(`### ${title}`, '');
  /** Lines of text, then a blank line. */
  const paragraph = (...text: string[]) => lines.push(...text, '');
  const table = (header: string[], rows: string[][]) => lines.push(...markdownTable(header, rows));
  const columns = <T>(rows: readonly T[], of: readonly Column<T>[]) => lines.push(...columnTable(rows, of));
  const triple = (values: number[]) => {
    const d = distribution(values);
    return `${fmt(d.p50)} / ${fmt(d.p95)} / ${fmt(d.p99)}`;
  };
  const rate = (l: LevelResult) => l.run.timings.length / l.run.wallSeconds;
  const concurrency: Column<LevelResult> = ['c', (l) => String(l.run.concurrency)];
  /** How every load table starts a level's row: its concurrency, the upgrades it ran, their rate. */
  const load = (rateHeader = 'upgrades/s'): Column<LevelResult>[] => [
    concurrency,
    ['N', (l) => String(l.run.timings.length + l.run.failures.length)],
    [rateHeader, (l) => fmt(rate(l))],
  ];
  const toBill: Column<LevelResult> = [
    'to bill p50 / p95 / p99',
    (l) => triple(l.run.timings.map((t) => t.billMs)),
  ];
  const toCompletion: Column<LevelResult> = [
    'to completion p50 / p95 / p99',
    (l) => triple(l.run.timings.map((t) => t.completeMs)),
  ];
  const cpu = (l: LevelResult, group: keyof Usage['groups']) => fmt(l.usage.groups[group].cpuPct, 0);
  const cpuColumn = (header: string, group: keyof Usage['groups']): Column<LevelResult> => [
    header,
    (l) => `${cpu(l, group)} %`,
  ];
  const median = (
    l: LevelResult | undefined,
    pick: (t: DriveResult['timings'][number]) => number,
    filter = 'all',
  ) =>
    l
      ? distribution(l.run.timings.filter((t) => filter === 'all' || t.scenario === filter).map(pick)).p50
      : Number.NaN;
  /** The Temporal levels' scenarios, A then B, each with what `pick` finds of it (nothing found: no row). */
  const byScenario = <X extends object>(pick: (l: LevelResult, s: 'A' | 'B') => X | undefined) =>
    temporal.flatMap((l) =>
      (['A', 'B'] as const).flatMap((s) => {
        const found = pick(l, s);
        return found ? [{ l, s, ...found }] : [];
      }),
    );
  const scenarioColumns: Column<{ l: LevelResult; s: 'A' | 'B' }>[] = [
    ['c', ({ l }) => String(l.run.concurrency)],
    ['scenario', ({ s }) => s],
  ];

  lines.push(`_Run ${new Date().toISOString()}; whole bench ${fmt(input.totalSeconds, 0)} s._`, '');
  const goals = goalRows(temporal, plain, ceiling);
  if (goals.length) {
    heading('Against the targets');
    paragraph(
      'Issue 11’s targets, from this run; saturation = the highest level. A ratio to the ceiling is the',
      'real upgrades/s over the no-op workflows/s at the same level (ceiling section below).',
    );
    table(['figure', 'target', 'measured', 'met'], goals);
  }
  heading('Upgrades through the HTTP API (Temporal)');
  paragraph(
    'Closed loop: each of _c_ virtual customers posts an upgrade and waits for it to complete. Half the',
    'upgrades are deck scenario A, half scenario B (the bench reports the ONT swap as soon as the run',
    'waits for it). Times in ms from the POST; CPU in % of one core over the level, averaged; machine',
    'busy is the share of all cores, with what processes outside the stack used (% of one core).',
  );
  columns(temporal, [
    ...load(),
    ['POST p50', (l) => fmt(distribution(l.run.timings.map((t) => t.postMs)).p50)],
    toBill,
    toCompletion,
    cpuColumn('worker CPU', 'worker'),
    ['worker RSS peak MiB', (l) => fmt(l.usage.groups.worker.rssPeakMiB, 0)],
    cpuColumn('API CPU', 'api'),
    cpuColumn('Temporal CPU', 'temporal'),
    cpuColumn('PostgreSQL CPU', 'postgres'),
    [
      'machine busy (other processes)',
      (l) => `${fmt(l.usage.machineBusyPct, 0)} % (${fmt(l.usage.foreignCpuPct, 0)} %)`,
    ],
    ['failed', (l) => String(l.run.failures.length)],
  ]);
  heading('Where an upgrade’s time goes (Temporal histories)');
  paragraph(
    'p50 per upgrade over the last 10 runs of each scenario in each level, ms. Queue = scheduled →',
    'started (waiting for a worker slot/poll and server dispatch); run = started → completed. "Server',
    'and between tasks" is the rest: the server persisting and dispatching between one task and the',
    'next. Technician wait = the run idle until the bench’s ONT report arrives (B only).',
  );
  columns(
    byScenario((l, s) => {
      const b = l.breakdown?.[s];
      return b && { b };
    }),
    [
      ...scenarioColumns,
      ['total', ({ b }) => fmt(b.totalMs)],
      ['workflow tasks', ({ b }) => fmt(b.workflowTasks, 0)],
      ['activities', ({ b }) => fmt(b.activities, 0)],
      ['WFT queue', ({ b }) => fmt(b.wftQueueMs)],
      ['WFT run', ({ b }) => fmt(b.wftRunMs)],
      ['activity queue', ({ b }) => fmt(b.activityQueueMs)],
      ['activity run', ({ b }) => fmt(b.activityRunMs)],
      ['technician wait', ({ s, b }) => (s === 'B' ? fmt(b.signalWaitMs) : '–')],
      ['server and between tasks', ({ b }) => fmt(b.otherMs)],
    ],
  );
  heading('CPU per upgrade and database connections');
  paragraph(
    'CPU time per completed upgrade, ms, from /proc (the worker split by thread: main = activities and',
    'the SDK’s plumbing, workflow = the workflow isolate’s thread, core = the Temporal core’s Rust',
    'threads, helpers = V8/libuv threads such as GC; threads that ended, such as the VM’s per-call',
    'watchdogs, count in the worker total only). Busy connections: non-idle PostgreSQL client backends',
    'of the stack, sampled every 100 ms (pool size per process in the settings below).',
  );
  const perUpgrade = (l: LevelResult, group: keyof Usage['groups']) =>
    (l.usage.groups[group].cpuPct * 10 * l.usage.seconds) / Math.max(1, l.run.timings.length);
  type Loop = 'Temporal' | 'plain loop';
  /** The processes of each loop's stack. */
  const STACK: Record<Loop, Array<keyof Usage['groups']>> = {
    Temporal: ['worker', 'temporal', 'postgres', 'api'],
    'plain loop': ['postgres', 'bench'],
  };
  type CpuRow = { loop: Loop; l: LevelResult };
  const cpuMs = (group: keyof Usage['groups']) => (r: CpuRow) => fmt(perUpgrade(r.l, group), 0);
  const thread = (kind: keyof ThreadTicks) => (r: CpuRow) => fmt(r.l.threads?.[kind] ?? Number.NaN, 0);
  /** A cell of one loop's rows only; the other's show a dash. */
  const onlyIn = (loop: Loop, cell: (r: CpuRow) => string) => (r: CpuRow) =>
    r.loop === loop ? cell(r) : '–';
  columns(
    [
      ...temporal.map((l): CpuRow => ({ loop: 'Temporal', l })),
      ...plain.map((l): CpuRow => ({ loop: 'plain loop', l })),
    ],
    [
      ['run', (r) => r.loop],
      ['c', (r) => String(r.l.run.concurrency)],
      ['worker main', onlyIn('Temporal', thread('main'))],
      ['workflow thread', onlyIn('Temporal', thread('workflow'))],
      ['core', onlyIn('Temporal', thread('core'))],
      ['helpers', onlyIn('Temporal', thread('helpers'))],
      ['worker total', onlyIn('Temporal', cpuMs('worker'))],
      ['Temporal server', onlyIn('Temporal', cpuMs('temporal'))],
      ['PostgreSQL', cpuMs('postgres')],
      ['API', onlyIn('Temporal', cpuMs('api'))],
      ['bench (plain loop)', onlyIn('plain loop', cpuMs('bench'))],
      [
        'stack total',
        (r) =>
          fmt(
            STACK[r.loop].reduce((sum, g) => sum + perUpgrade(r.l, g), 0),
            0,
          ),
      ],
      [
        'busy connections mean / max',
        ({ l }) => (l.connections ? `${fmt(l.connections.mean)} / ${l.connections.max}` : '–'),
      ],
    ],
  );
  if (plain.length) {
    heading('The same activities in the plain loop (in process: no HTTP, no dev server)');
    paragraph(
      'Admission, then the real UpgradeWorkflow with the same activities on Temporal’s time-skipping',
      'test server inside the bench process (test/support/upgrade-runs.ts; its CPU is the "bench CPU"),',
      'same database, same pool size; the technician’s report is sent as soon as the work order exists.',
      'Overhead = Temporal ÷ plain (completion p50; throughput plain ÷ Temporal).',
    );
    columns(plain, [
      ...load(),
      toBill,
      toCompletion,
      cpuColumn('bench CPU', 'bench'),
      cpuColumn('PostgreSQL CPU', 'postgres'),
      [
        'latency overhead',
        (l, i) => `${fmt(median(temporal[i], (x) => x.completeMs) / median(l, (x) => x.completeMs))}×`,
      ],
      [
        'throughput overhead',
        (l, i) => {
          const t = temporal[i];
          return t ? `${fmt(rate(l) / rate(t))}×` : '–';
        },
      ],
    ]);
    const first = temporal[0];
    const firstPlain = plain[0];
    if (first && firstPlain) {
      paragraph(`By scenario at c=${first.run.concurrency} (completion p50, ms):`);
      table(
        ['scenario', 'Temporal + HTTP', 'plain loop', 'overhead', 'of which technician report delay (bench)'],
        (['A', 'B'] as const).map((s) => {
          const t = median(first, (x) => x.completeMs, s);
          const p = median(firstPlain, (x) => x.completeMs, s);
          const delay = median(first, (x) => x.technicianDelayMs ?? Number.NaN, s);
          return [s, fmt(t), fmt(p), `${fmt(t / p)}×`, s === 'B' ? fmt(delay) : '–'];
        }),
      );
    }
  }
  if (ceiling.length) {
    heading('Ceiling: the same workflow shape with no-op activities');
    paragraph(
      `UpgradeWorkflow's steps in its order (scenario A ${CEILING_STEPS.A} activities, B ${CEILING_STEPS.B} and the wait for the`,
      '`ontReplaced` signal, sent right after the start), every activity a no-op, on the same dev server and',
      'with the same worker tuning, right after each level above at the same c and N (half A, half B): all',
      'regular activities (the shape before the lean-core revision), all local, and as built (database',
      'steps local, notices regular, as workflows/upgrade.ts). Started directly (no HTTP), completion =',
      'the last activity, watched without asking the server. Real ÷ ceiling = the upgrades/s above ÷ the',
      'ceiling’s workflows/s.',
    );
    const at = (label: string, variant: CeilingVariant) =>
      ceiling.find((c) => c.label === label && c.variant === variant);
    const ceilingRate = (c: CeilingResult | undefined) =>
      c ? c.run.timings.length / c.run.wallSeconds : Number.NaN;
    const ratio = (l: LevelResult, variant: CeilingVariant) => rate(l) / ceilingRate(at(l.label, variant));
    const byVariant = (l: LevelResult, pick: (c: CeilingResult | undefined) => string) =>
      CEILING_VARIANTS.map((v) => pick(at(l.label, v))).join(' / ');
    const withCeiling = temporal.filter((l) => CEILING_VARIANTS.some((v) => at(l.label, v)));
    const p50 = (c: CeilingResult | undefined) =>
      c ? fmt(distribution(c.run.timings.map((t) => t.completeMs)).p50) : '–';
    columns(withCeiling, [
      ...load('real upgrades/s'),
      ['ceiling workflows/s: regular / local / as built', (l) => byVariant(l, (c) => fmt(ceilingRate(c)))],
      ['real ÷ regular', (l) => `${fmt(ratio(l, 'regular') * 100, 0)} %`],
      ['real ÷ local', (l) => `${fmt(ratio(l, 'local') * 100, 0)} %`],
      ['real ÷ as built', (l) => `${fmt(ratio(l, 'asBuilt') * 100, 0)} %`],
      [
        'completion p50 real; regular / local / as built',
        (l) => `${fmt(median(l, (x) => x.completeMs))}; ${byVariant(l, p50)}`,
      ],
      ['ceiling failed', (l) => byVariant(l, (c) => String(c?.run.failures.length ?? '–'))],
    ]);
    paragraph(
      'CPU per completed workflow, ms: the Temporal dev server, and the worker (real: the app’s worker;',
      'ceiling: its own worker process, no-op activities); worker RSS peak over the level, MiB.',
    );
    columns(withCeiling, [
      concurrency,
      [
        'server CPU real; regular / local / as built',
        (l) =>
          `${fmt(perUpgrade(l, 'temporal'), 0)}; ${byVariant(l, (c) => fmt(c?.cpuMsPerWorkflow.server ?? Number.NaN, 0))}`,
      ],
      [
        'worker CPU real; regular / local / as built',
        (l) =>
          `${fmt(perUpgrade(l, 'worker'), 0)}; ${byVariant(l, (c) => fmt(c?.cpuMsPerWorkflow.worker ?? Number.NaN, 0))}`,
      ],
      [
        'worker RSS peak real; regular / local / as built',
        (l) =>
          `${fmt(l.usage.groups.worker.rssPeakMiB, 0)}; ${byVariant(l, (c) => fmt(c?.usage.groups.worker.rssPeakMiB ?? Number.NaN, 0))}`,
      ],
    ]);
    const shapes = byScenario((l, s) => {
      const real = l.breakdown?.[s];
      const built = at(l.label, 'asBuilt')?.breakdown?.[s];
      return real && built ? { real, built } : undefined;
    });
    /** A figure of the real run beside the same of the as-built ceiling. */
    const pair =
      (pick: (b: Breakdown) => number) =>
      ({ real, built }: { real: Breakdown; built: Breakdown }) =>
        `${fmt(pick(real), 0)} / ${fmt(pick(built), 0)}`;
    if (shapes.length) {
      paragraph(
        'The histories, real run / as-built ceiling (p50 per run over the last 10 of each scenario): what',
        'the server persists and dispatches per run beyond the same shape.',
      );
      columns(shapes, [
        ...scenarioColumns,
        ['history events', pair((b) => b.events)],
        ['workflow tasks', pair((b) => b.workflowTasks)],
        ['regular activities', pair((b) => b.activities)],
        ['local-activity markers', pair((b) => b.markers)],
        ['search-attribute upserts', pair((b) => b.upserts)],
        ['first → last event, ms', pair((b) => b.totalMs)],
      ]);
    }
  }
  if (reads.length) {
    heading('API read latency');
    paragraph(
      `${reads[0]!.tool}, ${options.readConnections} keep-alive connections, ${options.readSeconds} s per endpoint;`,
      'ms. "During upgrades": while upgrades run at the highest concurrency.',
    );
    columns(reads, [
      ['endpoint', (r) => r.name],
      ['condition', (r) => r.condition],
      ['req/s', (r) => fmt(r.rps, 0)],
      ['p50', (r) => fmt(r.p50)],
      ['p95', (r) => fmt(r.p95)],
      ['p99', (r) => fmt(r.p99)],
      ['errors', (r) => String(r.errors)],
    ]);
    if (mixed) {
      paragraph(
        `Upgrades during the read test: ${mixed.run.timings.length} at c=${mixed.run.concurrency},`,
        `${fmt(rate(mixed))}/s, completion p50 / p95 / p99 ${triple(mixed.run.timings.map((t) => t.completeMs))} ms`,
        `(API CPU ${cpu(mixed, 'api')} %, worker ${cpu(mixed, 'worker')} %, wrk/bench ${cpu(mixed, 'bench')} %, machine busy ${fmt(mixed.usage.machineBusyPct, 0)} %).`,
      );
    }
  }
  if (plans.length) {
    heading('Query plans of the hot queries');
    paragraph(
      'EXPLAIN with sequential scans disabled, on the bench database after the run: a Seq Scan left',
      'in the plan means no index can serve the query.',
    );
    table(
      ['query', 'on the upgrade path', 'plan', 'index'],
      plans.map((p) => [p.name, p.hot ? 'yes' : 'no', p.scans, p.usesIndex ? 'yes' : '**none**']),
    );
  }
  heading('Machine, versions, settings');
  table(['', ''], machineRows(input));
  return lines.join('\n');
}
