import type { z } from 'zod';
import { ValidationError } from '../../errors.js';

/**
 * Parses with a zod schema, turning the first issue into a ValidationError whose message starts
 * with where the problem is (e.g. `parts[1]: must be increasing (2 then 1)`).
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  code: string,
): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
  throw new ValidationError(code, field ? `${field}: ${issue.message}` : issue.message, {
    field: field || undefined,
    cause: result.error,
  });
}
