import type { z } from 'zod';
import { badRequest } from './problem';

/** Parses input with a schema, or answers 400 naming every field that is wrong. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || what,
      message: issue.message,
    }));
    throw badRequest(`invalid ${what}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, {
      errors,
    });
  }
  return result.data;
}
