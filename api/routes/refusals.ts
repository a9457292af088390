import { KeyReused, UpgradeInFlight } from '../../services/upgrade-admission';
import { UpgradeRefused } from '../../services/upgrade-quote';
import { conflict, notFound, unprocessable } from '../problem';

/** Why an upgrade cannot be quoted or started, as an HTTP problem: 404 unknown, 409 busy, 422 not allowed. */
export function refusalToProblem(error: unknown): unknown {
  if (error instanceof KeyReused) return unprocessable(error.message, { reason: 'IDEMPOTENCY_KEY_REUSED' });
  if (error instanceof UpgradeInFlight) {
    return conflict(error.message, { reason: 'UPGRADE_IN_PROGRESS', upgradeId: error.inFlightUpgradeId });
  }
  if (!(error instanceof UpgradeRefused)) return error;
  if (error.reason === 'UNKNOWN_CUSTOMER') return notFound(error.message);
  return unprocessable(error.message, { reason: error.reason });
}
