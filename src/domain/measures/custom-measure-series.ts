import { DateTime } from 'luxon';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { parseOrThrow } from '../runchart/parse-or-throw.js';
import { monthsFrom } from './calendar.js';
import type { MeasurePoint } from './measure-point.js';

export const CustomMeasureValueSchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be a month (YYYY-MM) or a date (YYYY-MM-DD)' })
    .refine((p) => DateTime.fromISO(p, { zone: 'utc' }).isValid, {
      error: 'is not a real month or date',
    }),
  value: z.number({ error: 'must be a number' }),
  /** "17 of 20": the count and what it is out of, when the value is a share recorded that way. */
  numerator: z.number().int().min(0).optional(),
  denominator: z.number().int().min(1).optional(),
});
export type CustomMeasureValue = z.infer<typeof CustomMeasureValueSchema>;

/**
 * Puts the values a group entered for a custom measure in time order. Monthly series get a null for
 * each month nobody entered, so the run chart keeps its time axis; dated series (weekly, per
 * meeting) are irregular by nature and are left as entered.
 */
export function customMeasureSeries(values: readonly CustomMeasureValue[]): MeasurePoint[] {
  const entries = parseOrThrow(z.array(CustomMeasureValueSchema), values, 'custom_measure_invalid');
  const sorted = [...entries].sort((a, b) => a.period.localeCompare(b.period));
  const lengths = new Set(sorted.map((e) => e.period.length));
  if (lengths.size > 1) {
    throw new ValidationError(
      'custom_measure_invalid',
      'A measure needs either monthly values (YYYY-MM) or dated values (YYYY-MM-DD), not both.',
    );
  }
  const repeated = sorted.find((e, i) => i > 0 && e.period === sorted[i - 1]!.period);
  if (repeated) {
    throw new ValidationError(
      'custom_measure_invalid',
      `There are two values for ${repeated.period}; keep one.`,
    );
  }
  const points: MeasurePoint[] = sorted.map(({ period, value, numerator, denominator }) =>
    numerator !== undefined && denominator !== undefined
      ? { period, value, numerator, denominator }
      : { period, value },
  );
  if (!lengths.has(7)) return points;
  const byMonth = new Map(points.map((p) => [p.period, p]));
  return monthsFrom(points[0]!.period, points[points.length - 1]!.period).map(
    (period) => byMonth.get(period) ?? { period, value: null },
  );
}
