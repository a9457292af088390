import { floorDiv, multiplyExact, roundHalfUpDiv } from '../../../domain';

describe('floorDiv', () => {
  it.each([
    [6_050_000, 6, 1_008_333],
    [7, 7, 1],
    [6, 7, 0],
    [0, 5, 0],
    [21_360_000, 12, 1_780_000],
  ])('⌊%i / %i⌋ = %i', (a, b, expected) => {
    expect(floorDiv(a, b)).toBe(expected);
  });

  it('is exact next to 2^53', () => {
    const a = Number.MAX_SAFE_INTEGER - 10;
    expect(floorDiv(a, 12)).toBe(Number(BigInt(a) / 12n));
    expect(floorDiv(a, 111)).toBe(Number(BigInt(a) / 111n));
  });

  it.each([
    [-1, 2],
    [1, 0],
    [1.5, 2],
    [1, -2],
  ])('rejects %p / %p', (a, b) => {
    expect(() => floorDiv(a, b)).toThrow(RangeError);
  });
});

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 2, 3],
    [3, 2, 2],
    [7, 3, 2],
    [8, 3, 3],
    [77_170_000, 111, 695_225],
    [1_400, 112, 13],
    [0, 111, 0],
  ])('round(%i / %i) = %i', (a, b, expected) => {
    expect(roundHalfUpDiv(a, b)).toBe(expected);
  });

  it('refuses operands whose doubling leaves the safe range', () => {
    expect(() => roundHalfUpDiv(2 ** 52, 3)).toThrow(RangeError);
  });
});

describe('multiplyExact', () => {
  it('multiplies', () => {
    expect(multiplyExact(1_210_000, 5)).toBe(6_050_000);
  });

  it('refuses an inexact product', () => {
    expect(() => multiplyExact(2 ** 40, 2 ** 14)).toThrow(RangeError);
  });
});
