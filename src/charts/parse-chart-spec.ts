import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Parses a chart spec, turning a zod failure into a ValidationError that names the first bad field.
 * Specs come from our own code, so a failure is a bug to report, not something a user typed.
 */
export function parseChartSpec<S extends z.ZodType>(
  schema: S,
  input: unknown,
  chart: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw new ValidationError(
    'chart_spec_invalid',
    `The ${chart} could not be drawn (${field || 'spec'}: ${issue.message}).`,
    {
      field,
      cause: result.error,
    },
  );
}
