import { columnTable } from '../../../scripts/bench/columns';

describe('a bench table by its columns', () => {
  it('heads each column over the cells it fills, one row per item, given its index too', () => {
    const table = columnTable(
      [{ n: 1 }, { n: 2 }],
      [
        ['n', (r) => String(r.n)],
        ['row', (_r, i) => `#${i}`],
      ],
    );
    expect(table).toEqual(['| n | row |', '| --- | --- |', '| 1 | #0 |', '| 2 | #1 |', '']);
  });
});
