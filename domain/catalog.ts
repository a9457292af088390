/** Packages the ISP sells: product line × speed × term, priced per term including PPN. */

export type ProductLine = 'STREAM' | 'STREAM_PLUS';
export type TermMonths = 1 | 6 | 12;

export interface PackageSpec {
  code: string;
  name: string;
  line: ProductLine;
  speedMbps: number;
  termMonths: TermMonths;
  /** Price for the whole term, in rupiah, PPN included. */
  priceIdr: number;
  requiresDualBand: boolean;
}

export const PRODUCT_LINES: readonly ProductLine[] = ['STREAM', 'STREAM_PLUS'];
export const TERMS: readonly TermMonths[] = [1, 6, 12];
export const SPEEDS_MBPS: readonly number[] = [50, 75, 100, 150, 200];

const TERM_LABELS: Record<TermMonths, { name: string; abbreviation: string }> = {
  1: { name: 'Monthly', abbreviation: 'Mon' },
  6: { name: 'Semesterly', abbreviation: 'Sem' },
  12: { name: 'Yearly', abbreviation: 'Year' },
};

const LINE_LABELS: Record<ProductLine, { name: string; codePrefix: string }> = {
  STREAM: { name: 'Stream', codePrefix: 'STREAM' },
  STREAM_PLUS: { name: 'Stream+', codePrefix: 'STREAMPLUS' },
};

export function isTermMonths(n: unknown): n is TermMonths {
  return n === 1 || n === 6 || n === 12;
}

/** `6` → `Semesterly`. */
export function termName(term: TermMonths): string {
  return TERM_LABELS[term].name;
}

/** `6` → `Sem`, as in package codes and the deck's "Sem 75 → 150". */
export function termAbbreviation(term: TermMonths): string {
  return TERM_LABELS[term].abbreviation;
}

/** `STREAM_PLUS` → `Stream+`. */
export function productLineName(line: ProductLine): string {
  return LINE_LABELS[line].name;
}

/** `('STREAM', 150, 6)` → `Stream 150 Semesterly`. */
export function packageName(line: ProductLine, speedMbps: number, term: TermMonths): string {
  return `${productLineName(line)} ${speedMbps} ${termName(term)}`;
}

/** `('STREAM_PLUS', 200, 12)` → `STREAMPLUS-200-YEAR`. */
export function packageCode(line: ProductLine, speedMbps: number, term: TermMonths): string {
  return `${LINE_LABELS[line].codePrefix}-${speedMbps}-${termAbbreviation(term).toUpperCase()}`;
}

/** Seed rule: 100 Mbps and up do not fit through a single-band (2.4 GHz) ONT. */
export function requiresDualBand(speedMbps: number): boolean {
  return speedMbps >= 100;
}

/** Stream prices per speed, for terms 1 / 6 / 12 months. The deck fixes 75 Sem and 150 Sem. */
const STREAM_PRICES_IDR: Record<number, Record<TermMonths, number>> = {
  50: { 1: 199_000, 6: 1_050_000, 12: 1_990_000 },
  75: { 1: 229_000, 6: 1_210_000, 12: 2_290_000 },
  100: { 1: 279_000, 6: 1_480_000, 12: 2_790_000 },
  150: { 1: 335_000, 6: 1_780_000, 12: 3_350_000 },
  200: { 1: 389_000, 6: 2_080_000, 12: 3_890_000 },
};

/** What Stream+ costs on top of Stream at the same speed and term. */
const STREAM_PLUS_SURCHARGE_IDR: Record<TermMonths, number> = { 1: 50_000, 6: 270_000, 12: 500_000 };

function seedPrice(line: ProductLine, speedMbps: number, term: TermMonths): number {
  const stream = STREAM_PRICES_IDR[speedMbps]?.[term];
  if (stream === undefined) throw new RangeError(`no seed price for ${speedMbps} Mbps, ${term} months`);
  return line === 'STREAM' ? stream : stream + STREAM_PLUS_SURCHARGE_IDR[term];
}

function buildPackage(line: ProductLine, speedMbps: number, termMonths: TermMonths): PackageSpec {
  return {
    code: packageCode(line, speedMbps, termMonths),
    name: packageName(line, speedMbps, termMonths),
    line,
    speedMbps,
    termMonths,
    priceIdr: seedPrice(line, speedMbps, termMonths),
    requiresDualBand: requiresDualBand(speedMbps),
  };
}

/** The seed catalog: both lines × every speed × every term (30 packages). */
export const CATALOG: PackageSpec[] = PRODUCT_LINES.flatMap((line) =>
  SPEEDS_MBPS.flatMap((speed) => TERMS.map((term) => buildPackage(line, speed, term))),
);

export function findPackage(
  code: string,
  catalog: readonly PackageSpec[] = CATALOG,
): PackageSpec | undefined {
  return catalog.find((p) => p.code === code);
}
