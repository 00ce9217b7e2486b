import { z } from 'zod';

const IndexSchema = z.number().int().min(0);

/** A part of the chart with its own median (the whole chart when it was not split). */
export const RunChartPhaseSchema = z
  .object({
    /** First and last point of the phase, inclusive indices into `values`. */
    start: IndexSchema,
    end: IndexSchema,
    median: z.number(),
    /**
     * Last point the median was computed from (a frozen baseline). The line is solid up to here
     * and dashed where it is extended beyond; absent means the whole phase is baseline.
     */
    baselineEnd: IndexSchema.optional(),
    /**
     * The median comes from a baseline that began before the first point drawn (a chart window
     * that starts inside or after it). Without `baselineEnd` the baseline ended before the window
     * too, and the whole line is drawn dashed, as extended.
     */
    medianFromBefore: z.boolean().optional(),
  })
  .refine((p) => p.start <= p.end, { message: 'start must not be after end', path: ['start'] })
  .refine(
    (p) => p.baselineEnd === undefined || (p.baselineEnd >= p.start && p.baselineEnd <= p.end),
    {
      message: 'baselineEnd must lie within the phase',
      path: ['baselineEnd'],
    },
  );
export type RunChartPhase = z.infer<typeof RunChartPhaseSchema>;

/** A test of change, drawn as a labelled vertical marker at the point where it started. */
export const RunChartAnnotationSchema = z.object({
  index: IndexSchema,
  label: z.string().trim().min(1).max(60),
});
export type RunChartAnnotation = z.infer<typeof RunChartAnnotationSchema>;

export const RuleSetNameSchema = z.enum(['IHI', 'Anhøj']);
export type RuleSetName = z.infer<typeof RuleSetNameSchema>;

/**
 * Everything needed to draw an already-analysed run chart. It deliberately knows nothing of the
 * analysis module: the caller passes medians and signal points as plain numbers and indices.
 */
export const RunChartSpecSchema = z
  .object({
    title: z.string().trim().min(1),
    /** Names the series in the legend and the alt text, e.g. "Weeks to recommendation, per child". */
    measureName: z.string().trim().min(1),
    /** The y-axis title, e.g. "weeks". */
    unit: z.string().trim().min(1),
    /** The x-axis title, e.g. "Children, in order of recommendation"; 'Month' for month labels. */
    xTitle: z.string().trim().min(1).optional(),
    /**
     * Months as 'YYYY-MM' (shown as 'Oct 25'), or for one point per child the date each reached
     * the stage as 'YYYY-MM-DD' (the axis names each month once), or any other text as it is.
     */
    labels: z.array(z.string().min(1)).min(1),
    /**
     * What each point is, one per label: a child's case reference. Only in the alt text and the
     * table, never drawn on the chart; leave it out wherever references may not go (a channel).
     */
    pointNames: z.array(z.string().min(1)).optional(),
    /** One per label; null keeps the point's place but draws nothing. */
    values: z.array(z.number().nullable()),
    phases: z.array(RunChartPhaseSchema).default([]),
    signalPoints: z.array(IndexSchema).default([]),
    excludedPoints: z.array(IndexSchema).default([]),
    target: z.number().optional(),
    /**
     * Whose target the line is, when it is an aim group's (its name): the legend and the alt text
     * name the group. Left out, the line is the measure's own target.
     */
    targetOf: z.string().trim().min(1).max(80).optional(),
    annotations: z.array(RunChartAnnotationSchema).default([]),
    ruleSetName: RuleSetNameSchema,
    /** Plain-words findings from the analysis ("8 children in a row … — a shift"), for alt text. */
    sentences: z.array(z.string().trim().min(1)).optional(),
  })
  .superRefine((spec, ctx) => {
    const count = spec.labels.length;
    if (spec.values.length !== count) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'needs one value per label' });
    }
    if (spec.pointNames && spec.pointNames.length !== count) {
      ctx.addIssue({ code: 'custom', path: ['pointNames'], message: 'needs one name per label' });
    }
    const outOfRange = (path: string, indices: number[]) => {
      if (indices.some((i) => i >= count)) {
        ctx.addIssue({ code: 'custom', path: [path], message: `indices must be below ${count}` });
      }
    };
    outOfRange('signalPoints', spec.signalPoints);
    outOfRange('excludedPoints', spec.excludedPoints);
    outOfRange(
      'annotations',
      spec.annotations.map((a) => a.index),
    );
    outOfRange(
      'phases',
      spec.phases.map((p) => p.end),
    );
    const sorted = [...spec.phases].sort((a, b) => a.start - b.start);
    if (sorted.some((p, i) => i > 0 && p.start <= sorted[i - 1].end)) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'phases must not overlap' });
    }
  });
/** What callers pass: the list fields with defaults may be left out. */
export type RunChartSpec = z.input<typeof RunChartSpecSchema>;
/** The spec after parsing, with every default filled in. */
export type ParsedRunChartSpec = z.infer<typeof RunChartSpecSchema>;
