import { z } from 'zod';
import { IsoDateSchema } from '../../../store/schemas/common.js';

const optional = (max: number, what: string) =>
  z
    .string()
    .max(max, { message: `Keep ${what} under ${max} characters.` })
    .optional();

/**
 * The Plan form as submitted (values trimmed, blanks dropped, "other" folded in). Each message says
 * what is missing and how to give it, because it is shown beside the field.
 */
export const PlanInputSchema = z.object({
  title: z
    .string({ message: 'Give the test a short title, e.g. "Agenda at 72-hour meetings, Team A".' })
    .min(3, { message: 'The title needs at least 3 characters.' })
    .max(120, { message: 'Keep the title under 120 characters.' }),
  changeIdea: z
    .string({ message: 'Pick the change idea you are testing, or type your own.' })
    .min(2, { message: 'Say a little more about the change idea.' })
    .max(200, {
      message: 'Keep the change idea under 200 characters; the detail goes in the objective.',
    }),
  groupKey: z.string({ message: 'Choose the aim group this test belongs to.' }),
  /** People input: comma-separated user ids; the first is the owner. */
  ownerId: z.string().optional(),
  objective: z
    .string({
      message:
        'What is this cycle for? e.g. "See whether the set agenda works for one team\'s meetings".',
    })
    .min(3, { message: 'Say a little more about the objective.' })
    .max(2000),
  questions: optional(2000, 'the questions'),
  prediction: z
    .string({
      message:
        'Please add a prediction: what do you expect to happen? Without one there is nothing to compare the results with, e.g. "4 of the 5 meetings will use the agenda".',
    })
    .min(3, { message: 'Say a little more in the prediction: what do you expect to happen?' })
    .max(2000),
  who: optional(300, '"who"'),
  what: optional(300, '"what"'),
  when: optional(300, '"when"'),
  where: optional(300, '"where"'),
  dataToCollect: optional(2000, 'the data to collect'),
  linkedMeasures: z
    .string()
    .optional()
    // Names as people write them, one per comma; save-plan resolves them to keys (linked-measures.ts).
    .transform((said) => [
      ...new Set(
        (said ?? '')
          .split(/[,;\n]+/)
          .map((s) => s.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      ),
    ])
    .refine((names) => names.length <= 10 && names.every((name) => name.length <= 120), {
      message: 'Name at most 10 measures, separated by commas, e.g. Accommodation to permanence recommendation.',
    }),
  startOn: IsoDateSchema.optional(),
  predictDirection: z.enum(['down', 'up'], { message: 'Choose whether the measure will fall or rise.' }).optional(),
  predictAmount: z
    .string()
    .regex(/^\s*-?\d+(?:\.\d+)?\s*%?\s*$/, { message: 'Give the amount as a number, e.g. 30 (weeks) or 80 (%).' })
    .optional(),
  predictBy: IsoDateSchema.optional(),
  predictMeasure: z.string().max(120, { message: 'Name the measure in under 120 characters.' }).optional(),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;
