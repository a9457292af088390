/**
 * What an HTTP route gets before its handler runs, whatever the API: each input parsed with its
 * zod schema (400 naming every field that is wrong), and 405 with `Allow` for a known path asked
 * with another method.
 */
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { ParamSpec } from './openapi';
import { badRequest, HttpProblem } from './problem';

/** Parses input with a schema, or answers 400 naming every field that is wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || what,
    message: issue.message,
  }));
  throw badRequest(`invalid ${what}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, {
    errors,
  });
}

/** Each present value parsed with its spec's schema; an absent (optional) header is left out. */
export const parseEach = (
  specs: Record<string, ParamSpec> | undefined,
  read: (name: string) => unknown,
  what: (name: string) => string,
) =>
  Object.fromEntries(
    Object.entries(specs ?? {}).flatMap(([name, spec]) => {
      const value = read(name);
      return value === undefined ? [] : [[name, parse(spec.schema, value, what(name))]];
    }),
  );

/** Answers 405 with `Allow` for the path it is mounted on; longer paths and OPTIONS go on. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (req, res, next) => {
    // OPTIONS is Express's to answer (with `Allow`).
    if (req.path !== '/' || req.method === 'OPTIONS') return next();
    res.set('Allow', allowed.join(', '));
    const path = req.originalUrl.split('?')[0];
    next(new HttpProblem(405, 'Method Not Allowed', `${path} answers ${allowed.join(', ')}`));
  };
}
