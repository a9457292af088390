/**
 * What a customer-service agent may do for a customer, besides moving the visit (the booking goes
 * to the run like the customer's own move: api/routes/visits.ts): cancel an upgrade in flight the
 * way the Temporal Web UI's cancel does (the run settles it: services/abandoned-upgrades.ts when
 * the run is gone), resend a notice a provider did not take, and add a note to a ticket.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Refused, Unavailable } from '../contracts/refusals';
import { IN_FLIGHT_STATUSES } from '../contracts/upgrade';
import type { Database } from '../platform/database';
import type { EmailTransport } from '../platform/notifications/email-transport';
import type { PushGateway } from '../platform/notifications/push-gateway';
import { settleIfAbandoned } from './abandoned-upgrades';
import { noticeView } from './customer-service';

const inFlight = (status: string) => (IN_FLIGHT_STATUSES as readonly string[]).includes(status);

/** The upgrade's customer, or 404; 409 unless it is still in flight. */
export async function upgradeToCancel(db: Database, upgradeId: string) {
  const row = await db.upgradeRequest.findUnique({ where: { id: upgradeId } });
  if (!row) throw new Refused('UNKNOWN_UPGRADE', `upgrade ${upgradeId} does not exist`);
  if (!inFlight(row.status)) {
    throw new Refused('NOT_IN_FLIGHT', `upgrade ${upgradeId} is no longer in flight: ${row.status}`);
  }
  return row;
}

/**
 * Asks the run to cancel, as the Web UI's "Request Cancellation" does, and waits (up to `waitMs`)
 * for the run's own settlement: before the package switch the bill is voided and the upgrade WO
 * cancelled, after it the open ONT visit is; the customer is told. A run that no longer runs is
 * settled by the reconciler instead. Answers whether the upgrade has ended.
 */
export async function cancelUpgrade(
  deps: { db: Database; temporal: Client; taskQueue: string },
  upgradeId: string,
  waitMs = 20_000,
): Promise<{ settled: boolean }> {
  const { db, temporal } = deps;
  const abandoned = await settleIfAbandoned(deps, upgradeId);
  if (!abandoned) {
    try {
      await temporal.workflow.getHandle(upgradeId).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new Unavailable(`the run of ${upgradeId} is not found yet; try again in a minute`);
      }
      throw error;
    }
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await db.upgradeRequest.findUniqueOrThrow({
      where: { id: upgradeId },
      select: { status: true },
    });
    if (!inFlight(row.status)) return { settled: true };
    if (Date.now() > deadline) return { settled: false };
    await sleep(250);
  }
}

/** What the cancel left, in one sentence for the audit trail. */
export async function cancelOutcome(db: Database, upgradeId: string): Promise<string> {
  const [row, bill, workOrders, told] = await Promise.all([
    db.upgradeRequest.findUniqueOrThrow({ where: { id: upgradeId }, select: { status: true } }),
    db.bill.findUnique({ where: { upgradeId }, select: { billCode: true, status: true } }),
    db.workOrder.findMany({
      where: { upgradeId },
      select: { woNumber: true, status: true },
      orderBy: { type: 'asc' },
    }),
    db.notification.count({
      where: {
        upgradeId,
        kind: { in: ['UPGRADE_CANCELLED', 'ONT_VISIT_CANCELLED'] },
        deliveredAt: { not: null },
      },
    }),
  ]);
  if (inFlight(row.status)) return 'Pembatalan diminta; upgrade masih diproses oleh sistem.';
  const parts = [
    `Upgrade berakhir: ${row.status}`,
    bill && `tagihan ${bill.billCode} ${bill.status}`,
    ...workOrders.map((wo) => `${wo.woNumber} ${wo.status}`),
    told > 0 ? 'pelanggan diberi tahu' : 'pelanggan belum diberi tahu',
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}

/**
 * Sends a notice again on its channel, under its own idempotency key (the transports deliver a
 * key once): the push from the row, the email from the copy kept in the outbox before its first
 * send. A notice already delivered is refused (409), never sent twice.
 */
export async function resendNotice(
  deps: { db: Database; email: EmailTransport; push: PushGateway },
  notificationId: number,
) {
  const { db } = deps;
  const notice = await db.notification.findUnique({ where: { id: notificationId } });
  if (!notice) throw new Refused('UNKNOWN_NOTICE', `notice ${notificationId} does not exist`);
  if (notice.deliveredAt) {
    throw new Refused('ALREADY_DELIVERED', `notice ${notificationId} was delivered; it is not sent twice`);
  }
  const { idempotencyKey, customerId } = notice;
  let providerId: string | null = null;
  try {
    if (notice.channel === 'PUSH') {
      const { title, body, deepLink } = notice;
      providerId = (
        await deps.push.send({ idempotencyKey, customerId, title, body, deepLink: deepLink ?? undefined })
      ).providerMessageId;
    } else if (notice.channel === 'EMAIL') {
      const copy = await db.emailOutbox.findUnique({ where: { idempotencyKey } });
      if (!copy) {
        throw new Refused('NO_EMAIL_COPY', `notice ${notificationId} has no kept copy of its email to send`);
      }
      const { from, to, subject, html, text } = copy;
      providerId = (await deps.email.send({ idempotencyKey, customerId, from, to, subject, html, text }))
        .providerMessageId;
    }
  } catch (error) {
    if (!(error instanceof ApplicationFailure)) throw error;
    const failed = await db.notification.update({
      where: { id: notificationId },
      data: { failedAt: new Date(), failureReason: `${error.type}: ${error.message}` },
    });
    return noticeView(failed);
  }
  const delivered = await db.notification.update({
    where: { id: notificationId },
    data: { deliveredAt: new Date(), providerId, failedAt: null, failureReason: null },
  });
  return noticeView(delivered);
}

/** The CRM's "Noted": a line on the ticket, kept once, naming who wrote it. */
export async function noteTicket(db: Database, ticketNo: string, line: string) {
  const ticket = await db.ticket.findUnique({ where: { ticketNo }, select: { notes: true } });
  if (!ticket) throw new Refused('UNKNOWN_TICKET', `ticket ${ticketNo} does not exist`);
  if (!ticket.notes.includes(line)) {
    await db.ticket.update({ where: { ticketNo }, data: { notes: { push: line } } });
  }
}
