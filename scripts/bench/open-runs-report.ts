/** The open-runs soak's figures at each checkpoint and their Markdown report. */
import { markdownTable } from './report';
import { fmt } from './stats';

/** Counts that grow with the fill by design: no ratio. */
const NO_RATIO = /hits \/ misses while|evictions while|upgrade rows|series found/;

export type Row = Record<string, string>;
export interface Checkpoint {
  open: number;
  closed: number;
  memory: Row;
  cache: Row;
  report: Row;
  reconcile: Row;
  reads: Row;
  plans: Array<{ name: string; plan: string; seq: boolean }>;
  visibility: Row;
  sizes: Row;
  history: Row;
}

export function report(points: Checkpoint[], target: number, footer: string): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const lead = (v: string) => Number.parseFloat(v.replace(/,/g, ''));
  const table = (title: string, pick: (p: Checkpoint) => Row) => [
    `#### ${title}`,
    '',
    ...markdownTable(
      ['figure', ...points.map((p) => `${p.open} open`), `${last.open} ÷ ${first.open}`],
      [...new Set(points.flatMap((p) => Object.keys(pick(p))))].map((key) => {
        const values = points.map((p) => pick(p)[key] ?? '–');
        const ratio = NO_RATIO.test(key) ? Number.NaN : lead(values.at(-1)!) / lead(values[0]!);
        return [key, ...values, Number.isFinite(ratio) ? `${fmt(ratio)}×` : '–'];
      }),
    ),
  ];
  return [
    `_Open-runs soak to ${target}, ${new Date().toISOString()}; ${footer}. Runs filled through POST /v1/customers/{id}/upgrades._`,
    '',
    ...table('Worker memory', (p) => p.memory),
    ...table('Sticky cache (maxCachedWorkflows as built)', (p) => p.cache),
    ...table('Technician report → COMPLETED', (p) => p.report),
    ...table('Reconciler pass', (p) => p.reconcile),
    ...table('Reads through the API (sequential, 30 each)', (p) => p.reads),
    ...table('Visibility searches (dev server, SQLite)', (p) => p.visibility),
    ...table('PostgreSQL size', (p) => p.sizes),
    ...table('Temporal history per run', (p) => p.history),
    '#### Query plans at the last checkpoint (sequential scans disabled: a Seq Scan left = no index serves it)',
    '',
    ...markdownTable(
      ['read: table', 'plan', 'Seq Scan'],
      last.plans.map((plan) => [plan.name, plan.plan, plan.seq ? '**yes**' : 'no']),
    ),
  ].join('\n');
}
