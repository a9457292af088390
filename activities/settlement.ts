/**
 * Settling an upgrade that did not complete: failed, cancelled by an operator, or closed outside our
 * code (terminated, timed out, never started). What must not stand is undone, read from the rows
 * that record what was done (so a step whose result the workflow never heard of is undone too):
 * - before the package switch: the bill is voided (kept, with a credit line), the upgrade TT gets a
 *   note and the upgrade WO is cancelled; the customer keeps the old package;
 * - after it: nothing the customer received is taken back, but an open ONT visit (maintenance WO and
 *   Change-ONT TT) is cancelled with a note.
 * One transaction, idempotent: a settled upgrade is answered as it was settled.
 */
import { IN_FLIGHT_STATUSES, type UpgradeStatus, type UpgradeWorkflowInput } from '../contracts/upgrade';
import type { Prisma } from '../prisma/generated/client';
import type { ActivityDependencies } from './dependencies';

export type UpgradeEnding = 'FAILED' | 'CANCELLED' | 'TERMINATED';

export interface SettleUpgradeInput {
  upgradeId: string;
  ending: UpgradeEnding;
  /** For operators: the failure's message, or who stopped the run. */
  reason: string;
  /** The run's input, so a failure before the request was recorded still leaves a row. */
  request?: UpgradeWorkflowInput;
}

export interface Settlement {
  upgradeId: string;
  customerId: string | null;
  /** How the upgrade ended: this ending, or the one it had already reached (even COMPLETED). */
  ending: UpgradeStatus;
  /** The package had switched: the upgrade stands, only the ONT visit (if any) is cancelled. */
  switched: boolean;
  voidedBillCode: string | null;
  cancelledVisit: string | null;
}

export const VOID_LINE_LABEL = 'Pembatalan Tagihan (upgrade dibatalkan)';

export function createSettlementActivities({ db, endBillPayment }: ActivityDependencies) {
  return {
    async settleUpgrade(input: SettleUpgradeInput): Promise<Settlement> {
      const settlement = await db.$transaction((tx) => settle(tx, input));
      // A retry (or the other settler) answers the same voided bill: ending its run again is harmless.
      if (settlement.voidedBillCode) await endBillPayment?.(settlement.voidedBillCode);
      return settlement;
    },
  };
}

async function settle(tx: Prisma.TransactionClient, input: SettleUpgradeInput): Promise<Settlement> {
  const { upgradeId, ending, reason } = input;
  // Serializes settlements of one upgrade (the workflow and the reconciler may race).
  const [row] = await tx.$queryRaw<{ status: string; customerId: string }[]>`
    SELECT status, "customerId" FROM "UpgradeRequest" WHERE id = ${upgradeId} FOR UPDATE`;
  const settled = { upgradeId, customerId: row?.customerId ?? null, ending };
  if (!row) {
    await recordRefusedRequest(tx, input);
    return { ...settled, switched: false, voidedBillCode: null, cancelledVisit: null };
  }
  const [change, bill, visit] = await Promise.all([
    tx.subscriptionChange.findUnique({ where: { upgradeId }, select: { id: true } }),
    tx.bill.findUnique({ where: { upgradeId }, include: { lines: true } }),
    tx.workOrder.findUnique({ where: { upgradeId_type: { upgradeId, type: 'MAINTENANCE' } } }),
  ]);
  const switched = change !== null;
  if (!(IN_FLIGHT_STATUSES as readonly string[]).includes(row.status)) {
    // Settled before (a retry, or the other settler won): answer what was done then.
    return {
      ...settled,
      ending: row.status as UpgradeStatus,
      switched,
      voidedBillCode: bill?.status === 'VOID' ? bill.billCode : null,
      cancelledVisit: visit?.status === 'CANCELLED' ? visit.woNumber : null,
    };
  }
  const now = new Date();
  const note = `${ending}: ${reason}`;
  let voidedBillCode: string | null = null;
  if (!switched) {
    if (bill?.status === 'UNPAID') {
      const position = Math.max(-1, ...bill.lines.map((line) => line.position)) + 1;
      await tx.bill.update({
        where: { billCode: bill.billCode },
        data: {
          status: 'VOID',
          voidedAt: now,
          lines: { create: { position, label: VOID_LINE_LABEL, amountIdr: -bill.totalIdr } },
        },
      });
      voidedBillCode = bill.billCode;
    }
    await addNote(
      tx,
      upgradeId,
      'UPGRADE',
      voidedBillCode ? `${note} (bill ${voidedBillCode} voided)` : note,
    );
    await tx.workOrder.updateMany({
      where: { upgradeId, type: 'UPGRADE', status: { not: 'CANCELLED' } },
      data: { status: 'CANCELLED', cancelledAt: now, cancelReason: note },
    });
  }
  let cancelledVisit: string | null = null;
  if (visit?.status === 'REPLACING') {
    await tx.workOrder.update({
      where: { woNumber: visit.woNumber },
      data: { status: 'CANCELLED', cancelledAt: now, cancelReason: note },
    });
    await tx.appointment.updateMany({
      where: { woNumber: visit.woNumber, status: 'BOOKED' },
      data: { status: 'CANCELLED', closedAt: now },
    });
    await addNote(tx, upgradeId, 'CHANGE_ONT', note);
    await tx.ticket.updateMany({
      where: { upgradeId, kind: 'CHANGE_ONT', status: 'OPEN' },
      data: { status: 'CANCELLED', closedAt: now },
    });
    cancelledVisit = visit.woNumber;
  }
  await tx.upgradeRequest.update({
    where: { id: upgradeId },
    data: { status: ending, failureReason: reason },
  });
  return { ...settled, switched, voidedBillCode, cancelledVisit };
}

async function addNote(
  tx: Prisma.TransactionClient,
  upgradeId: string,
  kind: 'UPGRADE' | 'CHANGE_ONT',
  note: string,
) {
  const ticket = await tx.ticket.findUnique({ where: { upgradeId_kind: { upgradeId, kind } } });
  if (ticket && !ticket.notes.includes(note)) {
    await tx.ticket.update({ where: { ticketNo: ticket.ticketNo }, data: { notes: { push: note } } });
  }
}

/** A run refused before its request was recorded (tests, or a row deleted): keep it visible. */
async function recordRefusedRequest(tx: Prisma.TransactionClient, input: SettleUpgradeInput) {
  const request = input.request;
  if (!request) return;
  const customer = await tx.customer.findUnique({ where: { id: request.customerId }, select: { id: true } });
  // A customer deleted meanwhile leaves no row to hang the record on; Temporal keeps it.
  if (!customer) return;
  await tx.upgradeRequest.create({
    data: {
      id: request.upgradeId,
      customerId: request.customerId,
      idempotencyKey: request.idempotencyKey,
      targetPackageCode: request.targetPackageCode,
      requestedAt: new Date(request.requestedAt),
      status: input.ending,
      failureReason: input.reason,
    },
  });
}
