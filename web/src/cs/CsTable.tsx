import type { Key, ReactNode } from 'react';

/** A list's columns: each heading, and what its cell shows of an item, in the order written. */
export type CsColumns<T> = Record<string, (item: T) => ReactNode>;

/** How the Billing App lays a list out: its columns, each row's key, and what it says when empty. */
export interface CsList<T> {
  columns: CsColumns<T>;
  rowKey: (item: T) => Key;
  /** The item the page is about (`aria-current`). */
  current?: (item: T) => boolean;
  /** What is said instead of the table when there is no item. */
  empty?: string;
}

/**
 * The Billing App's list, as every tab of the console shows one: a heading per column, then a row
 * per item, named `label` (its caption, for assistive technology). On a screen narrower than the
 * table it scrolls sideways in its frame, which the keyboard can reach, and scroll, too.
 */
export function CsTable<T>({
  items,
  label,
  columns,
  rowKey,
  current,
  empty,
}: CsList<T> & { items: readonly T[]; label: string }) {
  if (empty !== undefined && items.length === 0) return <p>{empty}</p>;
  const cells = Object.entries(columns);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls is reached by keyboard to scroll it
    <div className="cs-table-frame" tabIndex={0}>
      <table className="cs-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {cells.map(([heading]) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={rowKey(item)} aria-current={current?.(item) ? 'true' : undefined}>
              {cells.map(([heading, cell]) => (
                <td key={heading}>{cell(item)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
