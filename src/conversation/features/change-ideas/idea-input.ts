import { z } from 'zod';
import type { FormValues } from '../../../../cards/model.js';
import { type Checked, checkValues } from '../../form-errors.js';

/** What a coach gives for a library entry. */
export const IdeaInputSchema = z.object({
  title: z
    .string({ message: 'Give the idea a short title, e.g. "Pre-ADM checklist".' })
    .min(3, { message: 'The title needs at least 3 characters, e.g. "Pre-ADM checklist".' })
    .max(120, {
      message: 'Keep the title under 120 characters; put the detail in the description.',
    }),
  aim: z.string().optional(),
  description: z
    .string()
    .max(1000, { message: 'Keep the description under 1,000 characters.' })
    .optional(),
});
export type IdeaInput = z.infer<typeof IdeaInputSchema>;

export function checkIdeaInput(values: FormValues): Checked<IdeaInput> {
  return checkValues(IdeaInputSchema, values);
}

/** An edit names only the fields it changes. */
export function checkIdeaChanges(values: FormValues): Checked<Partial<IdeaInput>> {
  return checkValues(IdeaInputSchema.partial(), values);
}
