/**
 * The customer-service console's audit trail and the idempotency of its actions: each action an
 * operator takes for a customer is one `OperatorAction` row (who, when, what, on what, why, what
 * came of it), keyed by the action, the operator and the request's Idempotency-Key. A repeat of
 * the request finds the row and gets the first answer again, without acting twice.
 */
import { Refused } from '../contracts/refusals';
import { toJakartaIso } from '../domain';
import type { Database } from '../platform/database';
import { isUniqueViolation } from '../platform/once';
import type { OperatorAction, Prisma } from '../prisma/generated/client';

export const OPERATOR_ACTIONS = ['CANCEL_UPGRADE', 'BOOK_VISIT', 'RESEND_NOTICE', 'NOTE_TICKET'] as const;
export type OperatorActionName = (typeof OPERATOR_ACTIONS)[number];

export interface ActionRequest {
  action: OperatorActionName;
  /** The operator's user name (the token's subject). */
  operator: string;
  idempotencyKey: string;
  customerId: string;
  /** What it acts on: upgrade ID, work order number, notice ID, ticket number. */
  subject: string;
  reason: string;
}

export interface Performed<A> {
  answer: A;
  /** One sentence for the audit trail (Bahasa Indonesia). */
  outcome: string;
}

/**
 * Runs `perform` once per key and records it; a repeat answers the recorded answer. Two
 * concurrent first requests may both perform (each action is idempotent on its own: a cancel, a
 * booking update, a send by the notice's key, a note kept once), and one row is kept.
 */
export async function recordedAction<A extends Prisma.InputJsonValue>(
  db: Database,
  request: ActionRequest,
  perform: () => Promise<Performed<A>>,
): Promise<{ answer: A; entry: AuditEntry; repeated: boolean }> {
  const key = `${request.action}:${request.operator}:${request.idempotencyKey}`;
  const earlier = await db.operatorAction.findUnique({ where: { idempotencyKey: key } });
  if (earlier) return repeat(earlier, request);
  const { answer, outcome } = await perform();
  try {
    const { idempotencyKey: _key, ...row } = request;
    const entry = await db.operatorAction.create({
      data: { ...row, idempotencyKey: key, outcome, answer },
    });
    return { answer, entry: auditEntry(entry), repeated: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return repeat(await db.operatorAction.findUniqueOrThrow({ where: { idempotencyKey: key } }), request);
  }
}

function repeat<A>(row: OperatorAction, request: ActionRequest) {
  if (row.subject !== request.subject || row.customerId !== request.customerId) {
    throw new Refused(
      'IDEMPOTENCY_KEY_REUSED',
      `Idempotency-Key ${request.idempotencyKey} was used for ${row.action} of ${row.subject}`,
    );
  }
  return { answer: row.answer as A, entry: auditEntry(row), repeated: true };
}

export interface AuditEntry {
  id: number;
  at: string;
  operator: string;
  action: OperatorActionName;
  customerId: string;
  subject: string;
  reason: string;
  outcome: string;
}

export function auditEntry(row: OperatorAction): AuditEntry {
  return {
    id: row.id,
    at: toJakartaIso(row.at),
    operator: row.operator,
    action: row.action as OperatorActionName,
    customerId: row.customerId,
    subject: row.subject,
    reason: row.reason,
    outcome: row.outcome,
  };
}

/** The customer's audit trail, newest first. */
export async function auditTrail(db: Database, customerId: string, page: { skip: number; take: number }) {
  const where = { customerId };
  const [rows, total] = await Promise.all([
    db.operatorAction.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], ...page }),
    db.operatorAction.count({ where }),
  ]);
  return { entries: rows.map(auditEntry), total };
}
