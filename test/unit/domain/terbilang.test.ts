import { amountInWords, terbilang } from '../../../domain';

describe('terbilang', () => {
  it.each([
    [0, 'Nol'],
    [1, 'Satu'],
    [2, 'Dua'],
    [3, 'Tiga'],
    [4, 'Empat'],
    [5, 'Lima'],
    [6, 'Enam'],
    [7, 'Tujuh'],
    [8, 'Delapan'],
    [9, 'Sembilan'],
    [10, 'Sepuluh'],
    [11, 'Sebelas'],
    [12, 'Dua Belas'],
    [15, 'Lima Belas'],
    [19, 'Sembilan Belas'],
    [20, 'Dua Puluh'],
    [21, 'Dua Puluh Satu'],
    [30, 'Tiga Puluh'],
    [45, 'Empat Puluh Lima'],
    [99, 'Sembilan Puluh Sembilan'],
    [100, 'Seratus'],
    [101, 'Seratus Satu'],
    [110, 'Seratus Sepuluh'],
    [111, 'Seratus Sebelas'],
    [119, 'Seratus Sembilan Belas'],
    [120, 'Seratus Dua Puluh'],
    [200, 'Dua Ratus'],
    [215, 'Dua Ratus Lima Belas'],
    [999, 'Sembilan Ratus Sembilan Puluh Sembilan'],
    [1_000, 'Seribu'],
    [1_001, 'Seribu Satu'],
    [1_010, 'Seribu Sepuluh'],
    [1_100, 'Seribu Seratus'],
    [1_111, 'Seribu Seratus Sebelas'],
    [2_000, 'Dua Ribu'],
    [9_999, 'Sembilan Ribu Sembilan Ratus Sembilan Puluh Sembilan'],
    [10_000, 'Sepuluh Ribu'],
    [11_000, 'Sebelas Ribu'],
    [12_000, 'Dua Belas Ribu'],
    [21_000, 'Dua Puluh Satu Ribu'],
    [100_000, 'Seratus Ribu'],
    [101_000, 'Seratus Satu Ribu'],
    [111_111, 'Seratus Sebelas Ribu Seratus Sebelas'],
    [695_225, 'Enam Ratus Sembilan Puluh Lima Ribu Dua Ratus Dua Puluh Lima'],
    [771_700, 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus'],
    [999_999, 'Sembilan Ratus Sembilan Puluh Sembilan Ribu Sembilan Ratus Sembilan Puluh Sembilan'],
    [1_000_000, 'Satu Juta'],
    [1_000_001, 'Satu Juta Satu'],
    [1_001_000, 'Satu Juta Seribu'],
    [1_008_333, 'Satu Juta Delapan Ribu Tiga Ratus Tiga Puluh Tiga'],
    [1_780_000, 'Satu Juta Tujuh Ratus Delapan Puluh Ribu'],
    [2_500_000, 'Dua Juta Lima Ratus Ribu'],
    [10_000_000, 'Sepuluh Juta'],
    [11_000_000, 'Sebelas Juta'],
    [100_000_000, 'Seratus Juta'],
    [1_000_000_000, 'Satu Miliar'],
    [1_000_001_000, 'Satu Miliar Seribu'],
    [2_000_000_000, 'Dua Miliar'],
    [
      12_345_678_901,
      'Dua Belas Miliar Tiga Ratus Empat Puluh Lima Juta Enam Ratus Tujuh Puluh Delapan Ribu Sembilan Ratus Satu',
    ],
    [1_000_000_000_000, 'Satu Triliun'],
    [1_000_000_000_001, 'Satu Triliun Satu'],
    [1_001_001_001_001, 'Satu Triliun Satu Miliar Satu Juta Seribu Satu'],
    [100_000_000_000_000, 'Seratus Triliun'],
    [
      999_999_999_999_999,
      'Sembilan Ratus Sembilan Puluh Sembilan Triliun Sembilan Ratus Sembilan Puluh Sembilan Miliar ' +
        'Sembilan Ratus Sembilan Puluh Sembilan Juta Sembilan Ratus Sembilan Puluh Sembilan Ribu ' +
        'Sembilan Ratus Sembilan Puluh Sembilan',
    ],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000_000])('rejects %p', (n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it.each([
    [771_700, 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah'],
    [1_780_000, 'Satu Juta Tujuh Ratus Delapan Puluh Ribu Rupiah'],
    [0, 'Nol Rupiah'],
  ])('%i → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('rejects a negative amount', () => {
    expect(() => amountInWords(-100)).toThrow(RangeError);
  });
});

describe('terbilang properties over a sample', () => {
  /** Deterministic sample: every magnitude up to the trillions, plus numbers built from tricky groups. */
  function sample(): number[] {
    let seed = 0x5eed;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const numbers: number[] = [];
    for (let digits = 1; digits <= 15; digits++) {
      const low = digits === 1 ? 0 : 10 ** (digits - 1);
      for (let i = 0; i < 60; i++) numbers.push(low + Math.floor(next() * (10 ** digits - low)));
    }
    const groups = [0, 1, 10, 11, 19, 21, 100, 101, 110, 111, 999];
    for (let i = 0; i < 400; i++) {
      let n = 0;
      for (let g = 0; g < 5; g++) n = n * 1000 + (groups[Math.floor(next() * groups.length)] ?? 0);
      numbers.push(n);
    }
    return numbers;
  }

  /** An independent reading of the words back into a number. */
  function parse(words: string): number {
    const units: Record<string, number> = {
      Satu: 1,
      Dua: 2,
      Tiga: 3,
      Empat: 4,
      Lima: 5,
      Enam: 6,
      Tujuh: 7,
      Delapan: 8,
      Sembilan: 9,
    };
    const scales: Record<string, number> = { Ribu: 1e3, Juta: 1e6, Miliar: 1e9, Triliun: 1e12 };
    if (words === 'Nol') return 0;
    let total = 0;
    let group = 0;
    let lastUnit = 0;
    for (const word of words.split(' ')) {
      const unit = units[word];
      const scale = scales[word];
      if (unit !== undefined) {
        group += unit;
        lastUnit = unit;
      } else if (word === 'Sepuluh') group += 10;
      else if (word === 'Sebelas') group += 11;
      else if (word === 'Seratus') group += 100;
      else if (word === 'Seribu') total += 1000;
      else if (word === 'Belas') group += 10;
      else if (word === 'Puluh') group += lastUnit * 9;
      else if (word === 'Ratus') group += lastUnit * 99;
      else if (scale !== undefined) {
        total += group * scale;
        group = 0;
      } else throw new Error(`unknown word ${word}`);
    }
    return total + group;
  }

  const numbers = sample();

  it('reads back to the same number', () => {
    for (const n of numbers) expect(parse(terbilang(n))).toBe(n);
  });

  it('is Title Case words separated by single spaces', () => {
    for (const n of numbers) {
      const words = terbilang(n);
      expect(words).not.toMatch(/ {2}|^ | $/);
      for (const word of words.split(' ')) expect(word).toMatch(/^[A-Z][a-z]+$/);
    }
  });

  it('never says "Satu Ratus", "Satu Puluh", "Satu Belas", nor a standalone "Satu Ribu"', () => {
    for (const n of numbers) {
      const words = terbilang(n);
      expect(words).not.toMatch(/Satu Ratus|Satu Puluh|Satu Belas/);
      // "Dua Puluh Satu Ribu" (21.000) and "Seratus Satu Ribu" (101.000) are right; a thousands
      // group of exactly one is "Seribu".
      expect(words).not.toMatch(/(^|(Triliun|Miliar|Juta) )Satu Ribu/);
    }
  });
});
