/**
 * Settling an upgrade that did not complete: failed, cancelled by an operator, or closed outside our
 * code (terminated, timed out, never started). What must not stand is undone, read from the rows
 * that record what was done (so a step whose result the workflow never heard of is undone too):
 * - before the package switch: the bill is voided (kept, with a credit line), the upgrade TT gets a
 *   note and the upgrade WO is cancelled; the customer keeps the old package;
 * - after it: nothing the customer received is taken back, but an open ONT visit (maintenance WO and
 *   Change-ONT TT) is cancelled with a note;
 * - a cancel (`withdraw`) after it while the customer still waits for the ONT swap withdraws the
 *   upgrade: the old package is back from that moment (a second SubscriptionChange row, back), the
 *   bill is voided with its reason (one already paid keeps its paid amount as a credit owed to the
 *   customer, said on the bill), the WO Upgrade, the visit, the Change-ONT TT and the maintenance WO
 *   are cancelled.
 * One transaction, idempotent: a settled upgrade is answered as it was settled.
 */
import { IN_FLIGHT_STATUSES, type UpgradeStatus, type UpgradeWorkflowInput } from '../contracts/upgrade';
import { addMonths, jakartaDateOf } from '../domain';
import type { Bill, BillLine, Prisma } from '../prisma/generated/client';
import { closeAttemptsOfVoidedBill } from '../services/payment-attempts';
import type { ActivityDependencies } from './dependencies';

export type UpgradeEnding = 'FAILED' | 'CANCELLED' | 'TERMINATED';

export interface SettleUpgradeInput {
  upgradeId: string;
  ending: UpgradeEnding;
  /** For operators: the failure's message, or who stopped the run. */
  reason: string;
  /** The run's input, so a failure before the request was recorded still leaves a row. */
  request?: UpgradeWorkflowInput;
  /**
   * A cancel (patched 'cancel-withdraws-upgrade'): after the switch, before the ONT swap, the
   * upgrade is withdrawn instead of keeping the package without its ONT.
   */
  withdraw?: boolean;
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
  /** After the switch the upgrade was withdrawn: the old package is back (absent: not withdrawn). */
  withdrawn?: boolean;
  /** What the customer had paid on the voided bill and is now owed (absent: nothing). */
  creditIdr?: number;
}

export const VOID_LINE_LABEL = 'Pembatalan Tagihan (upgrade dibatalkan)';
/** The reason a withdrawn upgrade's bill says it was voided. */
export const WITHDRAWN_VOID_LABEL =
  'Pembatalan Tagihan: upgrade dibatalkan sebelum penggantian ONT, paket kembali ke paket sebelumnya';
/** The sentence on a paid bill voided with its upgrade: what is owed back. */
export const creditLineLabel = (paidIdr: number) =>
  `Kredit untuk pelanggan: pembayaran Rp${paidIdr.toLocaleString('id-ID')} dikembalikan (dana dikembalikan atau dipotong dari tagihan berikutnya)`;

export function createSettlementActivities({ db, endBillPayment, paymentGateway }: ActivityDependencies) {
  return {
    async settleUpgrade(input: SettleUpgradeInput): Promise<Settlement> {
      const settlement = await db.$transaction((tx) => settle(tx, input));
      // A retry (or the other settler) answers the same voided bill: ending its run and closing
      // its orders again are harmless.
      if (settlement.voidedBillCode) {
        if (paymentGateway) await closeAttemptsOfVoidedBill(db, paymentGateway, settlement.voidedBillCode);
        await endBillPayment?.(settlement.voidedBillCode);
      }
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
    tx.subscriptionChange.findUnique({ where: { upgradeId } }),
    tx.bill.findUnique({ where: { upgradeId }, include: { lines: true } }),
    tx.workOrder.findUnique({ where: { upgradeId_type: { upgradeId, type: 'MAINTENANCE' } } }),
  ]);
  const switched = change !== null;
  if (!(IN_FLIGHT_STATUSES as readonly string[]).includes(row.status)) {
    // Settled before (a retry, or the other settler won): answer what was done then.
    // After the switch a bill is voided only by a withdrawal.
    const withdrawn = switched && bill?.status === 'VOID';
    return {
      ...settled,
      ending: row.status as UpgradeStatus,
      switched,
      voidedBillCode: bill?.status === 'VOID' ? bill.billCode : null,
      cancelledVisit: visit?.status === 'CANCELLED' ? visit.woNumber : null,
      ...(withdrawn ? { withdrawn, ...creditOf(bill) } : {}),
    };
  }
  // Withdrawn: after the switch, the ONT swap not done (no maintenance WO yet, or one still open).
  if (input.withdraw && change && ending === 'CANCELLED' && (!visit || visit.status === 'REPLACING')) {
    return withdraw(tx, input, { ...settled, change, bill, visit });
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
    await cancelVisitAndChangeOntTicket(tx, upgradeId, visit.woNumber, note, now);
    cancelledVisit = visit.woNumber;
  }
  await tx.upgradeRequest.update({
    where: { id: upgradeId },
    data: { status: ending, failureReason: reason },
  });
  return { ...settled, switched, voidedBillCode, cancelledVisit };
}

/** The paid amount a voided bill owes back, if any. */
function creditOf(bill: { paidAmountIdr: number } | null): { creditIdr?: number } {
  return bill && bill.paidAmountIdr > 0 ? { creditIdr: bill.paidAmountIdr } : {};
}

/**
 * The upgrade is withdrawn: the package it switched to needs the dual-band ONT the customer never
 * got. Everything it did is undone, in this transaction.
 */
async function withdraw(
  tx: Prisma.TransactionClient,
  input: SettleUpgradeInput,
  found: {
    upgradeId: string;
    customerId: string | null;
    change: { customerId: string; fromPackageCode: string; toPackageCode: string };
    bill: (Bill & { lines: BillLine[] }) | null;
    visit: { woNumber: string } | null;
  },
): Promise<Settlement> {
  const { upgradeId, ending, reason } = input;
  const { change, bill, visit } = found;
  const now = new Date();
  const note = `${ending}: ${reason}; upgrade withdrawn, package back to ${change.fromPackageCode}`;

  // 1. The old package, from now: its period as it stood before the upgrade.
  const [request, oldPackage] = await Promise.all([
    tx.upgradeRequest.findUniqueOrThrow({ where: { id: upgradeId }, select: { plan: true } }),
    tx.package.findUniqueOrThrow({ where: { code: change.fromPackageCode }, select: { termMonths: true } }),
  ]);
  const plan = request.plan as { currentPeriodStart?: string } | null;
  const periodStart = plan?.currentPeriodStart ?? jakartaDateOf(now);
  const periodEnd = addMonths(periodStart, oldPackage.termMonths);
  await tx.subscription.update({
    where: { customerId: change.customerId },
    data: {
      packageCode: change.fromPackageCode,
      periodStart: new Date(periodStart),
      periodEnd: new Date(periodEnd),
    },
  });
  // The history shows both: the switch (this upgrade's row) and the way back (no upgrade of its own).
  await tx.subscriptionChange.create({
    data: {
      customerId: change.customerId,
      upgradeId: null,
      fromPackageCode: change.toPackageCode,
      toPackageCode: change.fromPackageCode,
      periodStart: new Date(periodStart),
      periodEnd: new Date(periodEnd),
      changedAt: now,
    },
  });

  // 2. The bill, void with its reason; what was paid on it is owed back, said on the bill.
  let voidedBillCode: string | null = null;
  if (bill && bill.status !== 'VOID') {
    const position = Math.max(-1, ...bill.lines.map((line) => line.position)) + 1;
    const paid = bill.status === 'PAID' ? bill.paidAmountIdr : 0;
    const lines = [{ position, label: WITHDRAWN_VOID_LABEL, amountIdr: -bill.totalIdr }];
    if (paid > 0) lines.push({ position: position + 1, label: creditLineLabel(paid), amountIdr: 0 });
    await tx.bill.update({
      where: { billCode: bill.billCode },
      data: { status: 'VOID', voidedAt: now, lines: { create: lines } },
    });
    voidedBillCode = bill.billCode;
  }

  // 3. Tickets and work orders: the upgrade's noted and its WO cancelled; the visit's cancelled.
  await addNote(tx, upgradeId, 'UPGRADE', voidedBillCode ? `${note} (bill ${voidedBillCode} voided)` : note);
  await tx.workOrder.updateMany({
    where: { upgradeId, status: { notIn: ['CANCELLED', 'COMPLETED'] } },
    data: { status: 'CANCELLED', cancelledAt: now, cancelReason: note },
  });
  await cancelVisitAndChangeOntTicket(tx, upgradeId, visit?.woNumber, note, now);
  await tx.upgradeRequest.update({
    where: { id: upgradeId },
    data: { status: ending, failureReason: `${reason}; upgrade withdrawn` },
  });
  return {
    upgradeId,
    customerId: found.customerId,
    ending,
    switched: true,
    voidedBillCode,
    cancelledVisit: visit?.woNumber ?? null,
    withdrawn: true,
    ...creditOf(bill?.status === 'PAID' ? bill : null),
  };
}

/** The visit's booked appointment (if any) cancelled; the Change-ONT ticket noted and cancelled. */
async function cancelVisitAndChangeOntTicket(
  tx: Prisma.TransactionClient,
  upgradeId: string,
  woNumber: string | undefined,
  note: string,
  now: Date,
): Promise<void> {
  if (woNumber) {
    await tx.appointment.updateMany({
      where: { woNumber, status: 'BOOKED' },
      data: { status: 'CANCELLED', closedAt: now },
    });
  }
  await addNote(tx, upgradeId, 'CHANGE_ONT', note);
  await tx.ticket.updateMany({
    where: { upgradeId, kind: 'CHANGE_ONT', status: 'OPEN' },
    data: { status: 'CANCELLED', closedAt: now },
  });
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
