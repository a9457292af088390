/** The public answers: health, liveness, readiness and the OpenAPI document itself. */
import { z } from 'zod';

const Check = z.enum(['ok', 'unavailable']);
export const Health = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  checks: z.strictObject({ database: Check, temporal: Check }),
});

/** `/livez`: the process serves; nothing else is checked. */
export const Liveness = z.strictObject({ status: z.literal('live') });

const ReadinessCheck = z.enum(['ok', 'unavailable', 'behind', 'not polling']);
/** `/readyz`: ready when every check is `ok` and the process is not shutting down. */
export const Readiness = z.strictObject({
  status: z.enum(['ready', 'unready', 'stopping']),
  checks: z.strictObject({
    database: ReadinessCheck.describe('PostgreSQL runs a query'),
    migrations: ReadinessCheck.describe("every migration of this release is applied ('behind' when not)"),
    temporal: ReadinessCheck.describe('the Temporal frontend answers'),
  }),
});

export const OpenApiDocument = z
  .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}) })
  .describe('this document');
