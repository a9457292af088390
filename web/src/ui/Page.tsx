import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../api/problem';
import { type ItemOf, type ListField, listOf } from '../lib/lists';
import { refusalInWords } from '../lib/refusals';
import { isUnreachable, Unreachable, useOnline } from './Offline';

/** A screen: its document title, one h1 (focused on arrival, for screen readers), an optional way back. */
export function Page({
  title,
  back,
  children,
}: {
  title: string;
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Oxygen.id Selfcare`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      {back ? (
        <Link className="back" to={back.to}>
          <span aria-hidden="true">‹ </span>
          {back.label}
        </Link>
      ) : null}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

export function Card({
  title,
  children,
  tone,
}: {
  title?: string;
  children: ReactNode;
  tone?: 'warning' | 'success' | 'info';
}) {
  return (
    <section className={`card${tone ? ` card-${tone}` : ''}`} aria-label={title}>
      {title ? <h2>{title}</h2> : null}
      {children}
    </section>
  );
}

/** Label/value rows, as the statement and the Billing App list them. */
export function Facts({
  rows,
  className = 'facts',
}: {
  rows: Array<[string, ReactNode] | null | false>;
  className?: string;
}) {
  return (
    <dl className={className}>
      {rows.filter(Boolean).map((row) => {
        const [label, value] = row as [string, ReactNode];
        return (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** "Memuat…" while a read is under way; offline (reads wait for the connection), says so instead. */
export function Loading({ what = 'Memuat…' }: { what?: string }) {
  const online = useOnline();
  const queryClient = useQueryClient();
  if (!online) return <Unreachable onRetry={() => void queryClient.refetchQueries({ type: 'active' })} />;
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** A refusal or failure of the API, in words (the customer's, unless another area's are given). */
export function ErrorNotice({
  error,
  inWords = refusalInWords,
}: {
  error: unknown;
  inWords?: typeof refusalInWords;
}) {
  const words = error instanceof ApiProblem ? inWords(error.status, error.problem) : inWords(0);
  return (
    <p className="notice notice-error" role="alert">
      {words}
    </p>
  );
}

/**
 * A read on a screen: "loading" while it is under way, its refusal in words if it failed, and what
 * `children` makes of its data once there is some (still shown when a later refetch failed).
 * Offline (the read waits for the connection) or with the API out of reach, it says so, with
 * "Coba lagi", instead of loading forever.
 */
export function Loaded<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  what?: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {query.isPending ? <Loading what={what} /> : null}
      {query.isError ? (
        isUnreachable(query.error) ? (
          <Unreachable onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : (
          <ErrorNotice error={query.error} />
        )
      ) : null}
      {query.data ? children(query.data) : null}
    </>
  );
}

/** A read that is a list (`items`, the answer's field): as `Loaded`, then what is said when it is empty, and its items' `<li>`s. */
export function LoadedList<T, K extends ListField<T>>({
  query,
  items,
  empty,
  className,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  items: K;
  empty: string;
  className: string;
  children: (item: ItemOf<T, K>) => ReactNode;
}) {
  return (
    <>
      <Loaded query={query}>{(data) => (listOf(data, items).length === 0 ? <p>{empty}</p> : null)}</Loaded>
      <ul className={className}>
        {query.data ? listOf<T, K>(query.data, items).map((item) => children(item)) : null}
      </ul>
    </>
  );
}
