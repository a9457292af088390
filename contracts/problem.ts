/**
 * The API's one error body (RFC 9457), as platform/http/problem.ts writes it: its schema for the
 * OpenAPI document and the contract test. A refusal's `reason` is a code of contracts/refusals.ts.
 */
import { z } from 'zod';
import { REFUSAL_CODES } from './refusals';

export const FieldError = z.strictObject({
  field: z.string().describe('the input at fault: a parameter name, `body.<field>` path, or `query`'),
  message: z.string(),
});

/** Strict: a stack trace, an SQL message or any stray field breaks it. */
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
