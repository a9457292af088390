import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ApiProblem } from '../api/problem';
import { newIdempotencyKey } from '../lib/idempotency';
import { refusalInWords } from '../lib/refusals';
import { CUSTOMER_KEYS } from './queries';

/**
 * One operator action: the fields it needs, the reason (kept in the audit trail), one
 * Idempotency-Key per confirmation (a double click or a retry acts once), then what came of it,
 * or the refusal as a sentence.
 */
export function ActionForm<A>({
  title,
  submitLabel,
  reasonLabel = 'Alasan (dicatat di audit trail)',
  children,
  ready = true,
  perform,
  describe,
  confirm,
}: {
  title: string;
  submitLabel: string;
  reasonLabel?: string;
  children?: ReactNode;
  ready?: boolean;
  perform: (reason: string, idempotencyKey: string) => Promise<A>;
  describe: (answer: A) => string;
  /** A destructive action: what it will do, named before the agent confirms it. */
  confirm?: { question: string; effects: string[]; confirmLabel: string };
}) {
  const id = useId();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const action = useMutation({
    mutationFn: () => perform(reason.trim(), key),
    onSuccess: () => {
      setReason('');
      setKey(newIdempotencyKey());
      for (const k of CUSTOMER_KEYS) queries.invalidateQueries({ queryKey: k });
    },
  });
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (action.isPending) return;
    if (confirm && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    action.mutate();
  };
  return (
    <form className="cs-action" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        required
        minLength={3}
        maxLength={500}
        rows={2}
        onChange={(event) => setReason(event.target.value)}
      />
      {confirm && confirming ? (
        <fieldset className="cs-confirm">
          <legend className="cs-confirm-question">{confirm.question}</legend>
          <ul>
            {confirm.effects.map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
          <div className="cs-confirm-actions">
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Kembali
            </button>
            <button type="submit" className="button button-danger" disabled={action.isPending || !ready}>
              {confirm.confirmLabel}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="submit"
          className={confirm ? 'button button-danger-outline' : 'button'}
          disabled={action.isPending || !ready}
        >
          {action.isPending ? 'Memproses…' : submitLabel}
        </button>
      )}
      {action.isSuccess ? (
        <p className="notice notice-success" role="status">
          {describe(action.data)}
        </p>
      ) : null}
      {action.isError ? (
        <p className="notice notice-error" role="alert">
          {action.error instanceof ApiProblem
            ? refusalInWords(action.error.status, action.error.problem)
            : refusalInWords(0)}
          {action.error instanceof ApiProblem && action.error.problem.detail ? (
            <span className="cs-detail"> ({action.error.problem.detail})</span>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
