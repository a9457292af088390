/** Numbers in Indonesian words ("terbilang"), as printed under a bill's total. */

const UNITS = ['', 'Satu', 'Dua', 'Tiga', 'Empat', 'Lima', 'Enam', 'Tujuh', 'Delapan', 'Sembilan'] as const;
/** Scale words per group of three digits, lowest first. */
const SCALES = ['', 'Ribu', 'Juta', 'Miliar', 'Triliun'] as const;
export const TERBILANG_MAX = 999_999_999_999_999;

function unit(digit: number): string {
  return UNITS[digit] ?? '';
}

/** 1..99 */
function belowHundred(n: number): string[] {
  if (n < 10) return [unit(n)];
  if (n === 10) return ['Sepuluh'];
  if (n === 11) return ['Sebelas'];
  if (n < 20) return [unit(n - 10), 'Belas'];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return ones === 0 ? [unit(tens), 'Puluh'] : [unit(tens), 'Puluh', unit(ones)];
}

/** 1..999 */
function belowThousand(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words = hundreds === 0 ? [] : hundreds === 1 ? ['Seratus'] : [unit(hundreds), 'Ratus'];
  return rest === 0 ? words : [...words, ...belowHundred(rest)];
}

/**
 * `771700` → `Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus`, for integers 0 up to
 * 999.999.999.999.999. One thousand is "Seribu" but one million is "Satu Juta".
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > TERBILANG_MAX) {
    throw new RangeError(`terbilang needs an integer from 0 to ${TERBILANG_MAX}: ${n}`);
  }
  if (n === 0) return 'Nol';
  const words: string[] = [];
  let rest = n;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    rest = (rest - group) / 1000;
    if (group === 0) continue;
    const scaleWord = SCALES[scale] ?? '';
    if (scale === 1 && group === 1) words.unshift('Seribu');
    else if (scaleWord) words.unshift(...belowThousand(group), scaleWord);
    else words.unshift(...belowThousand(group));
  }
  return words.join(' ');
}

/** `771700` → `Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah`. */
export function amountInWords(amountIdr: number): string {
  return `${terbilang(amountIdr)} Rupiah`;
}
