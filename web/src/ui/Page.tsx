import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../api/problem';
import { refusalInWords } from '../lib/refusals';

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
export function Facts({ rows }: { rows: Array<[string, ReactNode] | null | false> }) {
  return (
    <dl className="facts">
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

export function Loading({ what = 'Memuat…' }: { what?: string }) {
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
