import { ApplicationFailure } from '@temporalio/common';
import { UpgradeRefused } from '../services/upgrade-quote';

/** Failure types no retry can fix; the workflow fails the upgrade with their message. */
export const NON_RETRYABLE_TYPES = [
  'UpgradeRefused',
  'NotFound',
  'EmailRejected',
  'EmailPropsInvalid',
  'InvalidState',
] as const;

export function notFound(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'NotFound');
}

export function invalidState(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'InvalidState');
}

/** Refusals (unknown customer, ineligible target…) become non-retryable failures. */
export async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UpgradeRefused) {
      throw ApplicationFailure.nonRetryable(error.message, 'UpgradeRefused', { reason: error.reason });
    }
    throw error;
  }
}

/** A unique constraint stopped a second insert: someone (an earlier attempt) got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2002';
}
