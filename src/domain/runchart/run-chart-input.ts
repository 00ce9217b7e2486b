import { z } from 'zod';
import { checkPhaseOptions } from './check-phase-options.js';

const wholePositions = (what: string) =>
  z.array(
    z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'positions count from 1' }),
    { error: `must be a list of ${what}` },
  );

/**
 * What a run chart analysis needs: the values in time order (null keeps a missing point's place),
 * and the lead's settings. Positions are 1-based, as a lead counts points on the chart.
 */
export const RunChartInputSchema = z
  .strictObject(
    {
      values: z.array(z.number({ error: 'must be a number or null' }).nullable(), {
        error: 'must be a list of numbers (null for a missing point)',
      }),
      /** The median comes from points 1..freeze only; the rules still run over every point. */
      freeze: z
        .number({ error: 'must be a whole number of points' })
        .int({ error: 'must be a whole number of points' })
        .min(1, { error: 'must be at least 1 point' })
        .optional(),
      /** A new phase starts after each of these points; each phase gets its own median. */
      parts: wholePositions('point positions after which a new phase starts').optional(),
      /** Points left out of the median and of every rule. */
      exclude: wholePositions('point positions to leave out').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected values, freeze, parts, exclude)`
          : 'expected a JSON object with "values" and optionally "freeze", "parts", "exclude"',
    },
  )
  .superRefine((input, ctx) => {
    const n = input.values.length;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (n === 0) issue(['values'], 'has no points: a run chart needs at least one');
    checkPhaseOptions(input, n, issue);
  });

export type RunChartInput = z.infer<typeof RunChartInputSchema>;
