/**
 * What stands, once decoded, for a payload that our data converter did not encrypt, when the
 * codec refuses plaintext (platform/payload-encryption.ts: whenever the keys are our own, always in
 * production). Only the API and the worker hold the keys, so a message in plaintext was sent to
 * Temporal by someone else (its CLI, another client). The workflows act on none (workflows/from-api.ts).
 */
export const UNVERIFIED = 'oxygen.unverified';

export interface Unverified {
  [UNVERIFIED]: {
    /** The payload's own encoding (`json/plain`, `binary/null`, ...). */
    encoding: string;
    /** The payload's value when it was JSON, else null: kept for runs that acted on it before. */
    value: unknown;
  };
}

export function isUnverified(value: unknown): value is Unverified {
  return typeof value === 'object' && value !== null && UNVERIFIED in value;
}
