import { UpgradeRefused } from '../../services/upgrade-quote';
import { HttpProblem, notFound, unprocessable } from '../problem';

/** Why an upgrade cannot be quoted or started, as an HTTP problem: 404 unknown, 422 not allowed. */
export function refusalToProblem(error: unknown): unknown {
  if (!(error instanceof UpgradeRefused)) return error;
  switch (error.reason) {
    case 'UNKNOWN_CUSTOMER':
      return notFound(error.message);
    case 'UNKNOWN_PACKAGE':
      return unprocessable(error.message, { reason: error.reason });
    case 'NO_ACTIVE_SUBSCRIPTION':
    case 'NOT_ELIGIBLE':
      return unprocessable(error.message, { reason: error.reason });
    default:
      return new HttpProblem(500, 'Internal Server Error');
  }
}
