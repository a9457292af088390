/** Issue 11's targets against a bench run: the rows of the report's "Against the targets" table. */
import { type CeilingResult, type LevelResult, VARIANT_NAMES } from './results';
import { distribution, fmt } from './stats';

/** Issue 11's targets: [figure, target, measured, met]. Rows whose figures were not measured are left out. */
export function goalRows(
  temporal: LevelResult[],
  plain: LevelResult[],
  ceiling: CeilingResult[],
): string[][] {
  const rate = (l: { run: { timings: unknown[]; wallSeconds: number } }) =>
    l.run.timings.length / l.run.wallSeconds;
  const rows: string[][] = [];
  const row = (figure: string, target: string, value: number, shown: string, met: boolean) => {
    if (Number.isFinite(value)) rows.push([figure, target, shown, met ? 'yes' : '**no**']);
  };
  const top = temporal[temporal.length - 1];
  const first = temporal.find((l) => l.run.concurrency === 1);
  const c25 = temporal.find((l) => l.run.concurrency === 25) ?? top;
  if (top) {
    const c = top.run.concurrency;
    row(`upgrades/s at saturation (c=${c})`, '≥ 15', rate(top), fmt(rate(top)), rate(top) >= 15);
    const plainTop = plain.find((l) => l.run.concurrency === c);
    if (plainTop) {
      const overhead = rate(plainTop) / rate(top);
      row(
        `throughput overhead against the plain loop (c=${c})`,
        '≤ 1.5×',
        overhead,
        `${fmt(overhead)}×`,
        overhead <= 1.5,
      );
    }
    for (const variant of ['local', 'asBuilt'] as const) {
      const ceil = ceiling.find((x) => x.label === top.label && x.variant === variant);
      if (!ceil) continue;
      const share = rate(top) / rate(ceil);
      row(
        `real ÷ ${VARIANT_NAMES[variant]} ceiling (c=${c})`,
        variant === 'local' ? '≥ 80 %' : '(reference)',
        share,
        `${fmt(share * 100, 0)} % (${fmt(rate(top))} of ${fmt(rate(ceil))}/s)`,
        variant === 'local' ? share >= 0.8 : true,
      );
    }
  }
  if (first) {
    const bill = distribution(first.run.timings.map((t) => t.billMs)).p50;
    row('POST → bill p50 at c=1, ms', '≤ 60', bill, fmt(bill), bill <= 60);
  }
  if (c25) {
    const rss = c25.usage.groups.worker.rssPeakMiB;
    row(`worker RSS peak at c=${c25.run.concurrency}, MiB`, '≤ 350', rss, fmt(rss, 0), rss <= 350);
  }
  return rows;
}
