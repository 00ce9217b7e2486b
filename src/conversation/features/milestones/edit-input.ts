import { z } from 'zod';
import { isCaseReference, normaliseCaseRef } from '../../../domain/case-reference.js';
import { IsoDateSchema } from '../../../domain/measures/index.js';
import { activeMilestones } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { rowIds } from './edit-form.js';
import type { MilestoneSettings } from '../../../programme/cases/milestone-settings.js';

/** One row of the Edit form, as the programme allows it. */
function rowSchema(settings: MilestoneSettings) {
  // The area's own example, which its pattern accepts (C1042 only fits the default pattern).
  const like = ` (like ${settings.caseRefExample})`;
  const keys = activeMilestones(settings.catalogue).map((m) => m.key) as [string, ...string[]];
  return {
    caseRef: z
      .string({ error: 'Give the case reference.' })
      .refine((v) => isCaseReference(v, settings.pattern), {
        error:
          `That isn’t a case reference in this programme’s format${like}. ` +
          'Use the reference, never a name.',
      })
      .transform(normaliseCaseRef),
    milestone: z.enum(keys, { error: 'Choose a milestone.' }),
    date: z.string({ error: 'Give the date.' }).pipe(IsoDateSchema),
    status: z.enum(['happened', 'planned'], { error: 'Say whether it happened or is planned.' }),
  };
}

/** The whole Edit form: every row's fields under their input ids (case_1, milestone_1, …). */
export function editInputSchema(rows: number, settings: MilestoneSettings) {
  const row = rowSchema(settings);
  const fields = Object.keys(row) as (keyof typeof row)[];
  return z.object(
    Object.fromEntries(
      Array.from({ length: rows }, (_, k) => rowIds(k + 1)).flatMap((ids) =>
        fields.map((field) => [ids[field], row[field]]),
      ),
    ),
  );
}

/** Checked form data back into records, row by row. */
export function recordsOfInput(data: Record<string, unknown>, rows: number): MilestoneRecord[] {
  return Array.from({ length: rows }, (_, k) => {
    const ids = rowIds(k + 1);
    return {
      caseRef: String(data[ids.caseRef]),
      milestone: String(data[ids.milestone]),
      date: String(data[ids.date]),
      planned: data[ids.status] === 'planned',
    };
  });
}
