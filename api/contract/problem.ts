/**
 * The one error body of the API (RFC 9457, `application/problem+json`), as api/problem.ts
 * writes it. Strict: a stack trace, an SQL message or any other stray field breaks the contract.
 */
import { z } from 'zod';

/** Machine-readable reasons a route adds to 409 and 422 problems. */
export const PROBLEM_REASONS = [
  'UNKNOWN_PACKAGE',
  'NO_ACTIVE_SUBSCRIPTION',
  'NOT_ELIGIBLE',
  'IDEMPOTENCY_KEY_REUSED',
  'UPGRADE_IN_PROGRESS',
  'NOT_MAINTENANCE',
  'WORK_ORDER_CLOSED',
  'NOT_DUAL_BAND',
  'ONT_ALREADY_REGISTERED',
  'BEFORE_VISIT',
  'SLOT_FULL',
  'NOT_AWAITING_VISIT',
  'NO_VISIT_BOOKED',
  'NOT_A_DATE',
  'NOT_A_SLOT',
  'NOT_A_WORKING_DAY',
  'IN_THE_PAST',
  'TOO_LATE_TO_MOVE',
  'BILL_PAID',
  'BILL_VOID',
  'AMOUNT_MISMATCH',
  'TRANSACTION_REUSED',
  'NOT_IN_FLIGHT',
  'ALREADY_DELIVERED',
  'NO_EMAIL_COPY',
] as const;

export const FieldError = z.strictObject({
  field: z.string().describe('the input at fault: a parameter name, `body.<field>` path, or `query`'),
  message: z.string(),
});

export const Problem = z
  .strictObject({
    type: z.literal('about:blank'),
    title: z.string().describe('the HTTP reason phrase, e.g. Bad Request'),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional().describe('what is wrong, for a person'),
    instance: z.string().describe('the path (and query) that was asked'),
    errors: z.array(FieldError).optional().describe('on 400: every invalid input'),
    reason: z.enum(PROBLEM_REASONS).optional().describe('on 409 and 422: why, for a program'),
    upgradeId: z
      .string()
      .nullable()
      .optional()
      .describe('with UPGRADE_IN_PROGRESS: the upgrade still in flight'),
  })
  .describe('An RFC 9457 problem. Never carries a stack trace or a database message.');
