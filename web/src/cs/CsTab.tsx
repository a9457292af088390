import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from '../ui/Page';

/**
 * A tab of the console: "loading" or the refusal in words until its read is there, then its section
 * (`label` for assistive technology, `heading` on screen) with what `children` makes of the data.
 */
export function CsTab<T>({
  query,
  label,
  heading = label,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  label: string;
  heading?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return (
    <section aria-label={label}>
      <h2>{heading}</h2>
      {children(query.data)}
    </section>
  );
}
