import { Fragment, type Key, type ReactNode } from 'react';

/**
 * The Billing App's list, as every tab of the console shows one: a heading per column, then a row
 * per item, its `cells` in the columns' order (or a whole `row` of its own, e.g. with state).
 */
export function CsTable<T>(props: {
  columns: readonly string[];
  items: readonly T[];
  rowKey: (item: T) => Key;
  cells?: (item: T) => ReactNode[];
  row?: (item: T) => ReactNode;
  /** The item the page is about (`aria-current`). */
  current?: (item: T) => boolean;
  /** What is said instead of the table when there is no item. */
  empty?: string;
}) {
  const { columns, items, rowKey, cells, row, current, empty } = props;
  if (empty !== undefined && items.length === 0) return <p>{empty}</p>;
  return (
    <table className="cs-table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) =>
          row ? (
            <Fragment key={rowKey(item)}>{row(item)}</Fragment>
          ) : (
            <tr key={rowKey(item)} aria-current={current?.(item) ? 'true' : undefined}>
              {(cells?.(item) ?? []).map((cell, index) => (
                <td key={columns[index]}>{cell}</td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
