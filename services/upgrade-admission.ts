/**
 * Admission of an upgrade request: the request row is written before its workflow starts, so
 * the database decides, atomically, whether a request is new, a repeat of the same key, or a
 * second upgrade while one is still in flight (a partial unique index on the customer).
 */

import { Refused } from '../contracts/refusals';
import { IN_FLIGHT_STATUSES } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import { isUniqueViolation } from '../platform/once';
import type { UpgradeRequest } from '../prisma/generated/client';
import { assertEligible, loadUpgradeContext } from './upgrade-quote';

export { IN_FLIGHT_STATUSES };

export class KeyReused extends Refused<'IDEMPOTENCY_KEY_REUSED'> {
  constructor(message: string) {
    super('IDEMPOTENCY_KEY_REUSED', message);
  }
}
export class UpgradeInFlight extends Refused<'UPGRADE_IN_PROGRESS'> {
  constructor(readonly inFlightUpgradeId: string | null) {
    super(
      'UPGRADE_IN_PROGRESS',
      `another upgrade of this customer is still in progress${inFlightUpgradeId ? ` (${inFlightUpgradeId})` : ''}`,
      { upgradeId: inFlightUpgradeId },
    );
  }
}

export interface UpgradeRequestInput {
  upgradeId: string;
  customerId: string;
  idempotencyKey: string;
  targetPackageCode: string;
  requestedAt: Date;
}

export async function admitUpgrade(
  db: Database,
  request: UpgradeRequestInput,
): Promise<{ created: boolean; row: UpgradeRequest }> {
  const existing = await db.upgradeRequest.findUnique({ where: { id: request.upgradeId } });
  if (existing) return { created: false, row: sameRequestOrThrow(existing, request) };

  const context = await loadUpgradeContext(db, request.customerId, request.targetPackageCode);
  // Another upgrade in flight is the first thing to tell: its switch may make this target look ineligible.
  const inFlight = await findInFlight(db, request.customerId);
  // The same request (same key) admitted by a concurrent copy since the lookup above: a repeat.
  if (inFlight?.id === request.upgradeId) {
    return { created: false, row: sameRequestOrThrow(inFlight, request) };
  }
  if (inFlight) throw new UpgradeInFlight(inFlight.id);
  assertEligible(context);
  try {
    const row = await db.upgradeRequest.create({
      data: {
        id: request.upgradeId,
        customerId: request.customerId,
        idempotencyKey: request.idempotencyKey,
        targetPackageCode: request.targetPackageCode,
        fromPackageCode: context.subscription.packageCode,
        requestedAt: request.requestedAt,
        status: 'BILLING',
      },
    });
    return { created: true, row };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.upgradeRequest.findUnique({ where: { id: request.upgradeId } });
    if (raced) return { created: false, row: sameRequestOrThrow(raced, request) };
    throw new UpgradeInFlight((await findInFlight(db, request.customerId))?.id ?? null);
  }
}

function findInFlight(db: Database, customerId: string) {
  return db.upgradeRequest.findFirst({ where: { customerId, status: { in: [...IN_FLIGHT_STATUSES] } } });
}

/** Undoes an admission whose workflow could not be started, so the customer is not locked out. */
export async function withdrawAdmission(db: Database, upgradeId: string): Promise<void> {
  await db.upgradeRequest.deleteMany({ where: { id: upgradeId, status: 'BILLING', acceptedAt: null } });
}

function sameRequestOrThrow(row: UpgradeRequest, request: UpgradeRequestInput): UpgradeRequest {
  if (row.targetPackageCode !== request.targetPackageCode) {
    throw new KeyReused(
      `Idempotency-Key ${request.idempotencyKey} was already used for an upgrade to ${row.targetPackageCode}`,
    );
  }
  return row;
}
