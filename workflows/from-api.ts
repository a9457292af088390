/**
 * The workflows act only on what came through the API. With keys of our own (always in
 * production) the codec decodes a payload our data converter did not encrypt to an `Unverified`
 * marker (contracts/unverified.ts): a signal, update or start input sent to Temporal by anyone but
 * our processes (the `temporal` CLI, another client). A signal carrying one is recorded in the
 * history (Temporal writes every signal) and does nothing: the worker logs "refused signal" with
 * the run; an update carrying one is rejected by its validator (nothing in the history, the caller
 * gets the error); a run started with one fails at once.
 *
 * `patched(REFUSE_UNVERIFIED)` keeps runs that acted on such a message before this change
 * replaying as they ran (docs/workflow-versioning.md): they get the value they acted on.
 */
import { ApplicationFailure, log, patched } from '@temporalio/workflow';
import { isUnverified, UNVERIFIED } from '../contracts/unverified';

export const REFUSE_UNVERIFIED = 'refuse-unverified-messages';

const REASON = 'its payload was not encrypted by our data converter: it did not come through the API';

/** `handler`, except for a message that did not come through the API, which it logs and drops. */
export function fromApi<T>(signal: string, handler: (message: T) => void): (message: T) => void {
  return (message) => {
    if (!isUnverified(message)) return handler(message);
    if (patched(REFUSE_UNVERIFIED)) {
      log.warn(`refused signal ${signal}: ${REASON}`, {
        signal,
        encoding: message[UNVERIFIED].encoding,
        refused: 'unverified-message',
      });
      return;
    }
    return handler(message[UNVERIFIED].value as T);
  };
}

/** An update's validator: refuses (no event in the history) a request that did not come through the API. */
export function refuseUnverified(update: string, request: unknown): void {
  if (!isUnverified(request)) return;
  log.warn(`refused update ${update}: ${REASON}`, {
    update,
    encoding: request[UNVERIFIED].encoding,
    refused: 'unverified-message',
  });
  throw ApplicationFailure.nonRetryable(`${update} refused: ${REASON}`, 'UnverifiedMessage');
}

/** An accepted update's request as it was accepted (one accepted before the validator refused it). */
export function verifiedOrAsAccepted<T>(request: T): T {
  return isUnverified(request) ? (request[UNVERIFIED].value as T) : request;
}

/** A run's input: a run started by anyone but our processes fails at once, naming why. */
export function startedFromApi<T>(workflow: string, input: T): T {
  if (!isUnverified(input)) return input;
  if (patched(REFUSE_UNVERIFIED)) {
    throw ApplicationFailure.nonRetryable(`${workflow} refused its input: ${REASON}`, 'UnverifiedMessage');
  }
  return input[UNVERIFIED].value as T;
}
