import { ApplicationFailure } from '@temporalio/common';
import { UpgradeRefused } from '../services/upgrade-quote';

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
