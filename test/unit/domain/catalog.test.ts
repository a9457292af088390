import {
  CATALOG,
  findPackage,
  isTermMonths,
  type PackageSpec,
  packageCode,
  packageName,
  productLineName,
  requiresDualBand,
  termAbbreviation,
  termName,
} from '../../../domain';

describe('term labels', () => {
  it.each([
    [1, 'Monthly', 'Mon'],
    [6, 'Semesterly', 'Sem'],
    [12, 'Yearly', 'Year'],
  ] as const)('%i months: %s / %s', (term, name, abbreviation) => {
    expect(termName(term)).toBe(name);
    expect(termAbbreviation(term)).toBe(abbreviation);
  });

  it.each([
    [1, true],
    [6, true],
    [12, true],
    [3, false],
    [0, false],
    ['6', false],
  ])('isTermMonths(%p) = %p', (n, expected) => {
    expect(isTermMonths(n)).toBe(expected);
  });
});

describe('package names and codes', () => {
  it.each([
    ['STREAM', 150, 6, 'Stream 150 Semesterly', 'STREAM-150-SEM'],
    ['STREAM_PLUS', 150, 6, 'Stream+ 150 Semesterly', 'STREAMPLUS-150-SEM'],
    ['STREAM_PLUS', 200, 12, 'Stream+ 200 Yearly', 'STREAMPLUS-200-YEAR'],
    ['STREAM', 50, 1, 'Stream 50 Monthly', 'STREAM-50-MON'],
    ['STREAM', 75, 6, 'Stream 75 Semesterly', 'STREAM-75-SEM'],
  ] as const)('%s %i Mbps %i months → %s, %s', (line, speed, term, name, code) => {
    expect(packageName(line, speed, term)).toBe(name);
    expect(packageCode(line, speed, term)).toBe(code);
  });

  it('names the lines', () => {
    expect(productLineName('STREAM')).toBe('Stream');
    expect(productLineName('STREAM_PLUS')).toBe('Stream+');
  });
});

describe('requiresDualBand', () => {
  it.each([
    [50, false],
    [75, false],
    [99, false],
    [100, true],
    [150, true],
    [200, true],
  ])('%i Mbps → %p', (speed, expected) => {
    expect(requiresDualBand(speed)).toBe(expected);
  });
});

describe('CATALOG', () => {
  it('has every line × speed × term once (30 packages, unique codes)', () => {
    expect(CATALOG).toHaveLength(30);
    expect(new Set(CATALOG.map((p) => p.code)).size).toBe(30);
  });

  // Written out in full on purpose: this is the price list, not a recomputation of it.
  it.each([
    ['STREAM-50-MON', 199_000],
    ['STREAM-50-SEM', 1_050_000],
    ['STREAM-50-YEAR', 1_990_000],
    ['STREAM-75-MON', 229_000],
    ['STREAM-75-SEM', 1_210_000],
    ['STREAM-75-YEAR', 2_290_000],
    ['STREAM-100-MON', 279_000],
    ['STREAM-100-SEM', 1_480_000],
    ['STREAM-100-YEAR', 2_790_000],
    ['STREAM-150-MON', 335_000],
    ['STREAM-150-SEM', 1_780_000],
    ['STREAM-150-YEAR', 3_350_000],
    ['STREAM-200-MON', 389_000],
    ['STREAM-200-SEM', 2_080_000],
    ['STREAM-200-YEAR', 3_890_000],
    ['STREAMPLUS-50-MON', 249_000],
    ['STREAMPLUS-50-SEM', 1_320_000],
    ['STREAMPLUS-50-YEAR', 2_490_000],
    ['STREAMPLUS-75-MON', 279_000],
    ['STREAMPLUS-75-SEM', 1_480_000],
    ['STREAMPLUS-75-YEAR', 2_790_000],
    ['STREAMPLUS-100-MON', 329_000],
    ['STREAMPLUS-100-SEM', 1_750_000],
    ['STREAMPLUS-100-YEAR', 3_290_000],
    ['STREAMPLUS-150-MON', 385_000],
    ['STREAMPLUS-150-SEM', 2_050_000],
    ['STREAMPLUS-150-YEAR', 3_850_000],
    ['STREAMPLUS-200-MON', 439_000],
    ['STREAMPLUS-200-SEM', 2_350_000],
    ['STREAMPLUS-200-YEAR', 4_390_000],
  ])('%s costs %i', (code, price) => {
    expect(findPackage(code)?.priceIdr).toBe(price);
  });

  it('matches the deck: Stream 75 Semesterly and Stream 150 Semesterly', () => {
    expect(findPackage('STREAM-75-SEM')).toEqual<PackageSpec>({
      code: 'STREAM-75-SEM',
      name: 'Stream 75 Semesterly',
      line: 'STREAM',
      speedMbps: 75,
      termMonths: 6,
      priceIdr: 1_210_000,
      requiresDualBand: false,
    });
    expect(findPackage('STREAM-150-SEM')).toEqual<PackageSpec>({
      code: 'STREAM-150-SEM',
      name: 'Stream 150 Semesterly',
      line: 'STREAM',
      speedMbps: 150,
      termMonths: 6,
      priceIdr: 1_780_000,
      requiresDualBand: true,
    });
  });

  it('keeps each package consistent with its own fields', () => {
    for (const p of CATALOG) {
      expect(p.code).toBe(packageCode(p.line, p.speedMbps, p.termMonths));
      expect(p.name).toBe(packageName(p.line, p.speedMbps, p.termMonths));
      expect(p.requiresDualBand).toBe(p.speedMbps >= 100);
    }
  });

  it('finds nothing for an unknown code', () => {
    expect(findPackage('STREAM-300-SEM')).toBeUndefined();
  });
});
