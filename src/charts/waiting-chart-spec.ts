import { z } from 'zod';

export const defaultWaitingBuckets = ['0–13 weeks', '13–26 weeks', '26–52 weeks', '52+ weeks'];

/** One stage (e.g. "Accommodated → recommendation") and how many children wait in each bucket. */
export const WaitingStageSchema = z.object({
  name: z.string().trim().min(1),
  counts: z.array(z.number().int().min(0)),
});
export type WaitingStage = z.infer<typeof WaitingStageSchema>;

/** Children who reached a stage's start milestone but not yet its end, by how long they have waited. */
export const WaitingChartSpecSchema = z
  .object({
    title: z.string().trim().min(1),
    /** The date the counts were taken, 'YYYY-MM-DD', stated in the subtitle and the alt text. */
    asOf: z.iso.date(),
    /** Bucket names in order, shortest wait first. */
    buckets: z.array(z.string().trim().min(1)).min(1).default(defaultWaitingBuckets),
    stages: z.array(WaitingStageSchema).min(1),
    /** Grouped bars compare buckets within a stage; stacked bars show each stage's total. */
    layout: z.enum(['grouped', 'stacked']).default('grouped'),
  })
  .superRefine((spec, ctx) => {
    spec.stages.forEach((stage, i) => {
      if (stage.counts.length !== spec.buckets.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'counts'],
          message: `needs one count per bucket (${spec.buckets.length})`,
        });
      }
    });
  });
/** What callers pass: `buckets` and `layout` have defaults. */
export type WaitingChartSpec = z.input<typeof WaitingChartSpecSchema>;
export type ParsedWaitingChartSpec = z.infer<typeof WaitingChartSpecSchema>;
