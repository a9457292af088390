/**
 * The customer-service console's actions as the API takes them: the subject's customer found
 * (unknown: refused), the action run once per Idempotency-Key and recorded in the audit trail
 * (operator-actions.ts), the act itself (cs-actions.ts, visit-requests.ts) and one sentence of
 * what came of it. Each answers the action's view with its audit entry and whether it repeated.
 */
import { randomUUID } from 'node:crypto';
import { type RefusalCode, Refused } from '../contracts/refusals';
import { toJakartaIso } from '../domain';
import type { AppConfig } from '../platform/config';
import { createEmailTransport } from '../platform/notifications/email-transport';
import { createPushGateway } from '../platform/notifications/push-gateway';
import { TICKET_INCLUDE, ticketView } from './crm-views';
import { cancelOutcome, cancelUpgrade, noteTicket, resendNotice, upgradeToCancel } from './cs-actions';
import { type ActionRequest, type Performed, recordedAction } from './operator-actions';
import { loadUpgradeView, type UpgradeRecord } from './upgrade-views';
import { bookVisit } from './visit-requests';
import { maintenanceWorkOrder, type RunDependencies } from './work-order-runs';

export interface CsDependencies extends RunDependencies {
  config: AppConfig;
}

/** Who acts (the operator's user name) and the request's Idempotency-Key (a UUID when absent). */
export interface ActedBy {
  operator: string;
  idempotencyKey?: string;
}

type Subject = Omit<ActionRequest, 'operator' | 'idempotencyKey'>;

async function act<A extends Record<string, unknown>>(
  db: CsDependencies['db'],
  by: ActedBy,
  subject: Subject,
  perform: () => Promise<Performed<A>>,
) {
  const request = { ...subject, operator: by.operator, idempotencyKey: by.idempotencyKey ?? randomUUID() };
  // biome-ignore lint/suspicious/noExplicitAny: each answer is a JSON view checked by its response schema
  const recorded = await recordedAction(db, request, perform as () => Promise<Performed<any>>);
  return { ...(recorded.answer as A), action: recorded.entry, repeated: recorded.repeated };
}

const OWNER = { customerId: true } as const;

/** The customer the action's subject belongs to, or the refusal that the subject does not exist. */
async function ownerOf(find: Promise<{ customerId: string } | null>, code: RefusalCode, what: string) {
  const found = await find;
  if (!found) throw new Refused(code, `${what} does not exist`);
  return found.customerId;
}

/** Cancels an upgrade in flight (cs-actions.ts `cancelUpgrade`); answers it as `present` shows it. */
export async function cancelUpgradeFor<V>(
  deps: CsDependencies,
  by: ActedBy,
  request: { upgradeId: string; reason: string },
  present: (record: UpgradeRecord) => V,
) {
  const { db, temporal, config } = deps;
  const { upgradeId, reason } = request;
  const customerId = await ownerOf(
    db.upgradeRequest.findUnique({ where: { id: upgradeId }, select: OWNER }),
    'UNKNOWN_UPGRADE',
    `upgrade ${upgradeId}`,
  );
  const subject = { action: 'CANCEL_UPGRADE', customerId, subject: upgradeId, reason } as const;
  return act(db, by, subject, async () => {
    await upgradeToCancel(db, upgradeId);
    const { settled } = await cancelUpgrade(
      { db, temporal, taskQueue: config.temporal.taskQueue },
      upgradeId,
    );
    const upgrade = present((await loadUpgradeView(db, upgradeId))!);
    return { answer: { upgrade, settled }, outcome: await cancelOutcome(db, upgradeId) };
  });
}

/** Books or moves the visit for the customer, by the customer's own rules (recorded as by CS). */
export async function bookVisitFor(
  deps: CsDependencies,
  by: ActedBy,
  request: { customerId: string; woNumber: string; date: string; slot: string; reason: string },
) {
  const { customerId, woNumber, date, slot, reason } = request;
  // Another customer's work order is refused before anything is recorded.
  await maintenanceWorkOrder(deps.db, woNumber, { customerId });
  const subject = { action: 'BOOK_VISIT', customerId, subject: woNumber, reason } as const;
  return act(deps.db, by, subject, async () => {
    const minLeadHours = deps.config.visitMoveLeadHours;
    const visit = await bookVisit(deps, { woNumber, date, slot, by: 'CS', minLeadHours }, { customerId });
    const outcome = visit.previous
      ? `Kunjungan dipindah dari ${visit.previous.slot} ${visit.previous.date} ke ${visit.appointment.label}.`
      : `Kunjungan dijadwalkan ${visit.appointment.label}.`;
    return { answer: { visit }, outcome };
  });
}

/** Sends a notice again that was not delivered (cs-actions.ts `resendNotice`). */
export async function resendNoticeFor(
  { db, config }: CsDependencies,
  by: ActedBy,
  request: { notificationId: number; reason: string },
) {
  const { notificationId, reason } = request;
  const customerId = await ownerOf(
    db.notification.findUnique({ where: { id: notificationId }, select: OWNER }),
    'UNKNOWN_NOTICE',
    `notice ${notificationId}`,
  );
  const subject = { action: 'RESEND_NOTICE', customerId, subject: String(notificationId), reason } as const;
  return act(db, by, subject, async () => {
    const transports = { db, email: createEmailTransport(config.email, db), push: createPushGateway(db) };
    const notice = await resendNotice(transports, notificationId);
    const outcome =
      notice.status === 'DELIVERED'
        ? `${notice.kind} lewat ${notice.channel} terkirim ulang.`
        : `${notice.kind} lewat ${notice.channel} tetap gagal: ${notice.failureReason}.`;
    return { answer: { notice }, outcome };
  });
}

/** Adds the CRM's "Noted" line to a ticket, naming the operator and when. */
export async function noteTicketFor(
  { db }: CsDependencies,
  by: ActedBy,
  request: { ticketNo: string; note: string },
) {
  const { ticketNo, note } = request;
  const customerId = await ownerOf(
    db.ticket.findUnique({ where: { ticketNo }, select: OWNER }),
    'UNKNOWN_TICKET',
    `ticket ${ticketNo}`,
  );
  const subject = { action: 'NOTE_TICKET', customerId, subject: ticketNo, reason: note } as const;
  return act(db, by, subject, async () => {
    await noteTicket(db, ticketNo, `Noted ${by.operator} ${toJakartaIso(new Date())}: ${note}`);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { ticketNo }, include: TICKET_INCLUDE });
    return { answer: { ticket: ticketView(ticket) }, outcome: `Catatan ditambahkan ke tiket ${ticketNo}.` };
  });
}
