import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type ItemOf, type ListField, listOf } from '../lib/lists';
import { ErrorNotice, Loading } from '../ui/Page';
import { type CsList, CsTable } from './CsTable';

interface TabFrame<T> {
  query: UseQueryResult<T, unknown>;
  label: string;
  heading?: string;
}

/**
 * A tab of the console: "loading" or the refusal in words until its read is there, then its section
 * (`label` for assistive technology, `heading` on screen) with what `children` makes of the data.
 */
export function CsTab<T>({
  query,
  label,
  heading = label,
  children,
}: TabFrame<T> & { children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return (
    <section aria-label={label}>
      <h2>{heading}</h2>
      {children(query.data)}
    </section>
  );
}

/** A tab that is one of its read's lists (`items`, the answer's field) as `table`, then what `children` adds. */
export function CsListTab<T, K extends ListField<T>>({
  items,
  table,
  children,
  ...frame
}: TabFrame<T> & { items: K; table: CsList<ItemOf<T, K>>; children?: (data: T) => ReactNode }) {
  return (
    <CsTab {...frame}>
      {(data) => (
        <>
          <CsTable items={listOf(data, items)} label={frame.heading ?? frame.label} {...table} />
          {children?.(data)}
        </>
      )}
    </CsTab>
  );
}
