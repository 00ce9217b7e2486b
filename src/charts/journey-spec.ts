import { z } from 'zod';

/** A milestone in one child's journey: reached on `date`, or planned for it. */
export const JourneyMilestoneSchema = z.object({
  label: z.string().trim().min(1).max(40),
  date: z.iso.date(),
  planned: z.boolean().default(false),
});
export type JourneyMilestone = z.infer<typeof JourneyMilestoneSchema>;

/** One case's milestones in order, for the journey timeline. */
export const JourneySpecSchema = z
  .object({
    /** A pseudonymous case reference only (e.g. C1042), never a name. */
    caseRef: z.string().trim().min(1),
    title: z.string().trim().min(1).optional(),
    milestones: z.array(JourneyMilestoneSchema).min(1),
    /** Today, 'YYYY-MM-DD': drawn as a marker so planned dates read as still ahead. */
    asOf: z.iso.date().optional(),
  })
  .superRefine((spec, ctx) => {
    spec.milestones.forEach((m, i) => {
      if (i > 0 && m.date < spec.milestones[i - 1].date) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'date'],
          message: 'milestones must be in date order',
        });
      }
    });
  });
/** What callers pass: `planned` defaults to false. */
export type JourneySpec = z.input<typeof JourneySpecSchema>;
export type ParsedJourneySpec = z.infer<typeof JourneySpecSchema>;
