/**
 * The API's problems: the body (platform/http/problem.ts writes it; `Problem` is its schema), and
 * a service's `Refused` answered with the status of its code (contracts/refusals.ts) and the code
 * as `reason`; `Unavailable` answers 503.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { REFUSAL_CODES, REFUSALS, type RefusalCode, Refused, Unavailable } from '../contracts/refusals';
import { problemOf } from '../platform/http/problem';
import type { Logger } from '../platform/logger';

export { HttpProblem, problemHandler, problemOf, unknownRoute } from '../platform/http/problem';

export const notFound = (detail: string) => problemOf(404, detail);
export const badRequest = (detail: string, extra?: Record<string, unknown>) => problemOf(400, detail, extra);

/** A refusal or an outage thrown by a service as the problem it is answered with; else the error. */
export function answerOf(error: unknown, res: Response, logger: Logger): unknown {
  if (error instanceof Refused) {
    const code: RefusalCode = error.code;
    // In the request log (api/app.ts): why it was refused.
    res.locals.refusal = code;
    return problemOf(REFUSALS[code].status, error.message, { reason: code, ...error.extra });
  }
  if (error instanceof Unavailable) {
    logger.error({ err: error.cause, ...error.context }, error.message);
    return problemOf(503, error.message);
  }
  return error;
}

export const FieldError = z.strictObject({
  field: z.string().describe('the input at fault: a parameter name, `body.<field>` path, or `query`'),
  message: z.string(),
});

/** The one error body (RFC 9457). Strict: a stack trace, an SQL message or any stray field breaks it. */
export const Problem = z
  .strictObject({
    type: z.literal('about:blank'),
    title: z.string().describe('the HTTP reason phrase, e.g. Bad Request'),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional().describe('what is wrong, for a person'),
    instance: z.string().describe('the path (and query) that was asked'),
    errors: z.array(FieldError).optional().describe('on 400: every invalid input'),
    reason: z
      .enum(REFUSAL_CODES)
      .optional()
      .describe('on a refusal (404, 409, 422): why, for a program (contracts/refusals.ts)'),
    upgradeId: z
      .string()
      .nullable()
      .optional()
      .describe('with UPGRADE_IN_PROGRESS: the upgrade still in flight'),
  })
  .describe('An RFC 9457 problem. Never carries a stack trace or a database message.');
