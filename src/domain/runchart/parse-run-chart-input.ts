import { ValidationError } from '../../errors.js';
import { type RunChartInput, RunChartInputSchema } from './run-chart-input.js';

/** Validates raw input, turning the first zod issue into a ValidationError a lead can act on. */
export function parseRunChartInput(raw: unknown): RunChartInput {
  const result = RunChartInputSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
  throw new ValidationError(
    'runchart_input_invalid',
    field ? `${field}: ${issue.message}` : issue.message,
    {
      field: field || undefined,
      cause: result.error,
    },
  );
}
