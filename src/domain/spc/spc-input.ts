import { z } from 'zod';
import { checkPhaseOptions } from '../runchart/check-phase-options.js';

export const CONTROL_CHART_TYPES = ['i', 'mr', 'c', 'u', 'p', 'g'] as const;
export type ControlChartType = (typeof CONTROL_CHART_TYPES)[number];

/** Charts whose values are numerators over denominators. */
export const RATIO_CHARTS: readonly ControlChartType[] = ['p', 'u'];
/** Charts of counts or gaps, which cannot be negative. */
const NON_NEGATIVE_CHARTS: readonly ControlChartType[] = ['c', 'u', 'p', 'g'];

const wholePositions = (what: string) =>
  z.array(
    z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'positions count from 1' }),
    { error: `must be a list of ${what}` },
  );

const CHART_LIST = CONTROL_CHART_TYPES.map((c) => `"${c}"`).join(', ');

/**
 * The input of a control chart analysis (docs/spc.md, "The command"). Values keep missing points'
 * places with null; for p and u charts the values are numerators and `denominators` is required.
 * Positions are 1-based, as a lead counts points on the chart.
 */
export const SpcInputSchema = z
  .strictObject(
    {
      chart: z.enum(CONTROL_CHART_TYPES, {
        error: (issue) =>
          issue.input === undefined
            ? `is missing: say which chart, one of ${CHART_LIST}`
            : `must be one of ${CHART_LIST}`,
      }),
      values: z.array(z.number({ error: 'must be a number or null' }).nullable(), {
        error: 'must be a list of numbers (null for a missing point)',
      }),
      denominators: z
        .array(
          z
            .number({ error: 'must be a number of 0 or more' })
            .min(0, { error: 'must be a number of 0 or more' }),
          { error: 'must be a list of numbers of 0 or more' },
        )
        .optional(),
      /** Only points 1..freeze feed the centre line and spread; limits apply to every point. */
      freeze: z
        .number({ error: 'must be a whole number of points' })
        .int({ error: 'must be a whole number of points' })
        .min(1, { error: 'must be at least 1 point' })
        .optional(),
      /** A new phase starts after each of these points; each phase is a chart of its own. */
      parts: wholePositions('point positions after which a new phase starts').optional(),
      /** Points left out of the centre line, spread and runs analysis (still plotted and judged). */
      exclude: wholePositions('point positions to leave out').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected chart, values, denominators, freeze, parts, exclude)`
          : 'expected a JSON object with "chart" and "values", and optionally "denominators", "freeze", "parts", "exclude"',
    },
  )
  .superRefine((input, ctx) => {
    const n = input.values.length;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (n === 0) issue(['values'], 'has no points: a control chart needs at least one');
    const ratio = RATIO_CHARTS.includes(input.chart);
    const denominators = input.denominators;
    if (ratio && denominators === undefined) {
      issue(['denominators'], `are needed for a ${input.chart} chart (one per value)`);
    } else if (!ratio && denominators !== undefined) {
      issue(['denominators'], `are only for p and u charts, not for a ${input.chart} chart`);
    } else if (denominators !== undefined && denominators.length !== n) {
      issue(['denominators'], `has ${denominators.length} numbers but values has ${n}`);
    }
    if (NON_NEGATIVE_CHARTS.includes(input.chart)) {
      input.values.forEach((value, i) => {
        if (value !== null && value < 0) {
          issue(['values', i], `${value} is negative: a ${input.chart} chart counts, so 0 or more`);
        }
      });
    }
    if (ratio && denominators?.length === n) {
      input.values.forEach((value, i) => {
        const d = denominators[i]!;
        if (value === null) return;
        if (input.chart === 'p' && value > d) {
          issue(['values', i], `${value} is more than its denominator ${d}`);
        } else if (input.chart === 'u' && d === 0 && value > 0) {
          issue(['values', i], `${value} events over a denominator of 0 is not a rate`);
        }
      });
    }
    checkPhaseOptions(input, n, issue);
  });

export type SpcInput = z.infer<typeof SpcInputSchema>;
