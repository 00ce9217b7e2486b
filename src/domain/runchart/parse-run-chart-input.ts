import { parseOrThrow } from './parse-or-throw.js';
import { type RunChartInput, RunChartInputSchema } from './run-chart-input.js';

/** Validates raw input, turning the first problem into a ValidationError a lead can act on. */
export function parseRunChartInput(raw: unknown): RunChartInput {
  return parseOrThrow(RunChartInputSchema, raw, 'runchart_input_invalid');
}
