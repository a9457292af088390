/**
 * Integer arithmetic for rupiah. Money is whole rupiah in safe integers; division goes
 * through these helpers so no float quotient is ever floored or rounded (for dividends near
 * 2^53 a float quotient can land on the wrong side of an integer).
 */

export function assertNonNegativeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

function assertSafe(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} exceeds the safe integer range: ${n}`);
}

/** ⌊a / b⌋ for a ≥ 0, b > 0, exactly. */
export function floorDiv(a: number, b: number): number {
  assertNonNegativeInteger(a, 'dividend');
  assertNonNegativeInteger(b, 'divisor');
  if (b === 0) throw new RangeError('division by zero');
  return (a - (a % b)) / b;
}

/** a / b rounded to the nearest integer, halves up, for a ≥ 0, b > 0: ⌊(2a + b) / 2b⌋. */
export function roundHalfUpDiv(a: number, b: number): number {
  assertNonNegativeInteger(a, 'dividend');
  assertNonNegativeInteger(b, 'divisor');
  const twiceAPlusB = 2 * a + b;
  assertSafe(twiceAPlusB, '2a + b');
  return floorDiv(twiceAPlusB, 2 * b);
}

/** Multiplies integers, refusing a product that is no longer exact. */
export function multiplyExact(a: number, b: number): number {
  const product = a * b;
  assertSafe(product, `${a} × ${b}`);
  return product;
}
