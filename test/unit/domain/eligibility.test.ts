import {
  CATALOG,
  findPackage,
  isEligibleUpgrade,
  type PackageSpec,
  reasonNotEligible,
  upgradeOptions,
} from '../../../domain';

const pkg = (code: string): PackageSpec => {
  const found = findPackage(code);
  if (!found) throw new Error(`no package ${code}`);
  return found;
};

describe('SPEC eligibility table', () => {
  it.each([
    ['STREAM-100-MON', 'STREAM-150-SEM', true, null],
    ['STREAM-75-SEM', 'STREAM-150-YEAR', true, null],
    [
      'STREAM-100-SEM',
      'STREAM-150-MON',
      false,
      'target term of 1 month is shorter than current term of 6 months',
    ],
    ['STREAM-150-MON', 'STREAM-150-SEM', false, 'target speed 150 Mbps is not higher than current 150 Mbps'],
  ])('%s → %s: %p', (current, target, allowed, reason) => {
    expect(isEligibleUpgrade(pkg(current), pkg(target))).toBe(allowed);
    expect(reasonNotEligible(pkg(current), pkg(target))).toBe(reason);
  });
});

describe('isEligibleUpgrade edges', () => {
  it.each([
    // speed
    ['STREAM-75-SEM', 'STREAM-100-SEM', true],
    ['STREAM-100-SEM', 'STREAM-75-SEM', false],
    ['STREAM-200-MON', 'STREAM-200-YEAR', false],
    // term
    ['STREAM-50-MON', 'STREAM-75-MON', true],
    ['STREAM-50-MON', 'STREAM-75-YEAR', true],
    ['STREAM-50-YEAR', 'STREAM-200-YEAR', true],
    ['STREAM-50-YEAR', 'STREAM-200-SEM', false],
    ['STREAM-50-SEM', 'STREAM-200-MON', false],
    // line plays no part
    ['STREAMPLUS-100-MON', 'STREAM-150-MON', true],
    ['STREAM-100-SEM', 'STREAMPLUS-100-SEM', false],
    ['STREAMPLUS-75-SEM', 'STREAMPLUS-100-SEM', true],
  ])('%s → %s: %p', (current, target, allowed) => {
    expect(isEligibleUpgrade(pkg(current), pkg(target))).toBe(allowed);
  });

  it('gives both reasons when both rules fail', () => {
    expect(reasonNotEligible({ speedMbps: 150, termMonths: 12 }, { speedMbps: 100, termMonths: 6 })).toBe(
      'target speed 100 Mbps is not higher than current 150 Mbps; ' +
        'target term of 6 months is shorter than current term of 12 months',
    );
  });
});

describe('upgradeOptions', () => {
  const codes = (options: PackageSpec[]) => options.map((p) => p.code);

  it('lists Sem 75 targets by speed, then term, then Stream before Stream+', () => {
    expect(codes(upgradeOptions(pkg('STREAM-75-SEM'), CATALOG))).toEqual([
      'STREAM-100-SEM',
      'STREAMPLUS-100-SEM',
      'STREAM-100-YEAR',
      'STREAMPLUS-100-YEAR',
      'STREAM-150-SEM',
      'STREAMPLUS-150-SEM',
      'STREAM-150-YEAR',
      'STREAMPLUS-150-YEAR',
      'STREAM-200-SEM',
      'STREAMPLUS-200-SEM',
      'STREAM-200-YEAR',
      'STREAMPLUS-200-YEAR',
    ]);
  });

  it('lists only yearly packages for a yearly subscriber', () => {
    expect(codes(upgradeOptions(pkg('STREAM-50-YEAR'), CATALOG))).toEqual([
      'STREAM-75-YEAR',
      'STREAMPLUS-75-YEAR',
      'STREAM-100-YEAR',
      'STREAMPLUS-100-YEAR',
      'STREAM-150-YEAR',
      'STREAMPLUS-150-YEAR',
      'STREAM-200-YEAR',
      'STREAMPLUS-200-YEAR',
    ]);
  });

  it.each([
    ['STREAM-50-MON', 24],
    ['STREAMPLUS-50-MON', 24],
    ['STREAM-150-MON', 6],
    ['STREAM-150-YEAR', 2],
    ['STREAM-200-MON', 0],
    ['STREAMPLUS-200-YEAR', 0],
  ])('%s has %i options', (current, count) => {
    expect(upgradeOptions(pkg(current), CATALOG)).toHaveLength(count);
  });

  it('sorts regardless of the catalog order and leaves the catalog alone', () => {
    const shuffled = [...CATALOG].reverse();
    const before = codes(shuffled);
    expect(upgradeOptions(pkg('STREAM-75-SEM'), shuffled)).toEqual(
      upgradeOptions(pkg('STREAM-75-SEM'), CATALOG),
    );
    expect(codes(shuffled)).toEqual(before);
  });

  it('returns exactly the eligible packages, for every current package', () => {
    for (const current of CATALOG) {
      const listed = new Set(codes(upgradeOptions(current, CATALOG)));
      for (const target of CATALOG) {
        expect(listed.has(target.code)).toBe(isEligibleUpgrade(current, target));
      }
    }
  });
});
