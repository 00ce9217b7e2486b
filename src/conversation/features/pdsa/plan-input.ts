import { z } from 'zod';
import { IsoDateSchema } from '../../../store/schemas/common.js';

const MEASURE_KEY = /^[a-z0-9][a-z0-9_-]{1,79}$/;
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
    .transform((said) => [
      ...new Set(
        (said ?? '')
          .toLowerCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ])
    .refine((keys) => keys.every((key) => MEASURE_KEY.test(key)), {
      message:
        'Measures are named by their key, separated by commas, e.g. accommodated-to-permanence-recommendation.',
    }),
  startOn: IsoDateSchema.optional(),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;
