import type { z } from 'zod';
import type { Card, FormValues } from '../../cards/model.js';
import { ValidationError } from '../errors.js';
import type { Reply } from './turn.js';

/**
 * One message per form field from a zod failure (the first issue of each field wins), so the
 * platform can show every problem inline beside its input at once rather than one per submit.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A path may be a key someone sent: a Map, so "constructor" is a field like any other.
  const errors = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return Object.fromEntries(errors);
}

/** The reply that shows errors inline; `card` is the form re-rendered with what the user typed. */
export function formErrors(errors: Record<string, string>, card: Card): Reply {
  return { kind: 'form_errors', errors, card };
}

/** Form values trimmed, with empty ones dropped, so optional fields left blank read as absent. */
export function presentValues(values: FormValues): Record<string, string> {
  // Built from entries: an id such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    Object.entries(values).flatMap(([id, value]) => {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      return trimmed !== '' ? [[id, trimmed]] : [];
    }),
  );
}

/**
 * Runs a form submission's save. A ValidationError that names a field becomes an inline error on that
 * field, shown on the re-rendered form; other errors travel on to handleTurn as usual.
 */
export async function withInlineErrors(
  card: () => Card | Promise<Card>,
  save: () => Promise<Reply[]>,
): Promise<Reply[]> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof ValidationError && error.field)
      return [formErrors({ [error.field]: error.userMessage }, await card())];
    throw error;
  }
}

/** A form's values checked against its schema: the data, or one message per field. */
export type Checked<T> =
  | { data: T; errors?: undefined }
  | { data?: undefined; errors: Record<string, string> };

export function checkValues<T>(schema: z.ZodType<T>, values: FormValues): Checked<T> {
  const parsed = schema.safeParse(presentValues(values));
  return parsed.success ? { data: parsed.data } : { errors: fieldErrors(parsed.error) };
}

/** For one-line commands, where there is no form to show errors on: the first problem becomes the reply. */
export function requireValid<T>(checked: Checked<T>, code: string): T {
  if (!checked.errors) return checked.data;
  const [field, message] = Object.entries(checked.errors)[0]!;
  throw new ValidationError(code, message, { field });
}
