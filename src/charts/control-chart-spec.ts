import { z } from 'zod';
import { RunChartAnnotationSchema } from './run-chart-spec.js';

const IndexSchema = z.number().int().min(0);

export const ControlChartTypeSchema = z.enum(['i', 'mr', 'c', 'u', 'p', 'g']);
export type ControlChartTypeName = z.infer<typeof ControlChartTypeSchema>;

/** The name a team knows each chart by, for titles, legends and sentences. */
export const CONTROL_CHART_NAMES: Record<ControlChartTypeName, string> = {
  i: 'I chart',
  mr: 'MR chart',
  c: 'C chart',
  u: 'U chart',
  p: 'P chart',
  g: 'G chart',
};

/** What the centre line is on each chart (docs/spc.md): the median only on a G chart. */
export function centreLineName(type: ControlChartTypeName): 'Mean' | 'Median' {
  return type === 'g' ? 'Median' : 'Mean';
}

/** A phase's centre line; absent phases (no centre) draw nothing. */
export const ControlChartPhaseSchema = z
  .object({
    start: IndexSchema,
    end: IndexSchema,
    centre: z.number(),
    /** Last point the centre and limits came from: solid up to here, dashed where extended. */
    baselineEnd: IndexSchema.optional(),
    /** The centre and limits came from a baseline before the first point shown (a chart window). */
    centreFromBefore: z.boolean().optional(),
  })
  .refine((p) => p.start <= p.end, { message: 'start must not be after end', path: ['start'] });
export type ControlChartPhase = z.infer<typeof ControlChartPhaseSchema>;

/**
 * Everything needed to draw an already-analysed control chart, as plain numbers and indices (the
 * analysis lives in src/domain/spc). Values and limits are already scaled for display (e.g. P as %).
 */
export const ControlChartSpecSchema = z
  .object({
    title: z.string().trim().min(1),
    chartType: ControlChartTypeSchema,
    measureName: z.string().trim().min(1),
    unit: z.string().trim().min(1),
    xTitle: z.string().trim().min(1).optional(),
    labels: z.array(z.string().min(1)).min(1),
    /**
     * What each point is, one per label: a child's case reference. Only in the alt text and the
     * table, never drawn on the chart; leave it out wherever references may not go (a channel).
     */
    pointNames: z.array(z.string().min(1)).optional(),
    /** The plotted values, one per label; null keeps a missing point's place. */
    values: z.array(z.number().nullable()),
    /** Limits per point (they step with the denominator on P and U charts); null where there are none. */
    lcl: z.array(z.number().nullable()),
    ucl: z.array(z.number().nullable()),
    phases: z.array(ControlChartPhaseSchema).default([]),
    /** Points strictly beyond a limit (a sigma signal). */
    outsidePoints: z.array(IndexSchema).default([]),
    /** Points in a run longer than the Anhøj maximum. */
    runPoints: z.array(IndexSchema).default([]),
    excludedPoints: z.array(IndexSchema).default([]),
    target: z.number().optional(),
    /** Whose target the line is, when it is an aim group's (its name); as on the run chart. */
    targetOf: z.string().trim().min(1).max(80).optional(),
    annotations: z.array(RunChartAnnotationSchema).default([]),
    /** Plain-words findings for the alt text. */
    sentences: z.array(z.string().trim().min(1)).optional(),
  })
  .superRefine((spec, ctx) => {
    const count = spec.labels.length;
    for (const key of ['values', 'lcl', 'ucl'] as const) {
      if (spec[key].length !== count) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'needs one entry per label' });
      }
    }
    if (spec.pointNames && spec.pointNames.length !== count) {
      ctx.addIssue({ code: 'custom', path: ['pointNames'], message: 'needs one name per label' });
    }
    const indices = [
      ...spec.outsidePoints,
      ...spec.runPoints,
      ...spec.excludedPoints,
      ...spec.annotations.map((a) => a.index),
      ...spec.phases.map((p) => p.end),
    ];
    if (indices.some((i) => i >= count)) {
      ctx.addIssue({ code: 'custom', path: ['labels'], message: `indices must be below ${count}` });
    }
  });
export type ControlChartSpec = z.input<typeof ControlChartSpecSchema>;

/**
 * Limits that sit exactly on the phase's centre line (an I chart whose screened moving ranges are
 * all 0): docs/spc.md asks for words, not a band of no width that looks like a strict target.
 */
export function limitsCollapsed(
  spec: Pick<z.infer<typeof ControlChartSpecSchema>, 'lcl' | 'ucl'>,
  phase: ControlChartPhase,
): boolean {
  let any = false;
  for (let i = phase.start; i <= phase.end; i++) {
    const [lower, upper] = [spec.lcl[i], spec.ucl[i]];
    if (lower === null || lower === undefined || upper === null || upper === undefined) continue;
    if (lower !== phase.centre || upper !== phase.centre) return false;
    any = true;
  }
  return any;
}
export type ParsedControlChartSpec = z.infer<typeof ControlChartSpecSchema>;
