import { markdownTable } from './report';

/** A column of a report table: its header, and its cell in a row (given the row's index too). */
export type Column<T> = readonly [header: string, cell: (row: T, index: number) => string];

/** A Markdown table of `rows`, each column's header beside the cell it fills. */
export function columnTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  return markdownTable(
    columns.map(([header]) => header),
    rows.map((row, index) => columns.map(([, cell]) => cell(row, index))),
  );
}
