import { z } from 'zod';
import type { FormValues } from '../../../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN, isCaseReference, normaliseCaseRef } from '../../../domain/case-reference.js';
import { IsoDateSchema } from '../../../domain/measures/index.js';
import { activeMilestones } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import type { TurnContext } from '../../context.js';
import { checkValues, formErrors } from '../../form-errors.js';
import { form, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { checkRecords } from './check-records.js';
import { ANSWERED } from './confirm-records.js';
import { editForm, rowIds, valuesOf } from './edit-form.js';
import { type MilestoneSettings, milestoneSettings } from './milestone-settings.js';
import { closePending, readPending } from './pending-records.js';
import { dateProblem } from './date-rules.js';
import { loadMilestones, proposeRecords } from './propose-records.js';

/** Edit: the records of an open question as a form. */
export async function openEdit(ctx: TurnContext, pendingId: string): Promise<Reply[]> {
  const open = await readPending(ctx, pendingId);
  if (!open) return [text(ANSWERED)];
  const { catalogue } = milestoneSettings(ctx);
  return [form(editForm(open.records.length, valuesOf(open.records), catalogue, pendingId))];
}

function rowsSchema(rows: number, settings: MilestoneSettings) {
  const like = settings.caseRefPattern === DEFAULT_CASE_REF_PATTERN ? ' (like C1042)' : '';
  const keys = activeMilestones(settings.catalogue).map((m) => m.key) as [string, ...string[]];
  const row = {
    caseRef: z
      .string({ error: 'Give the case reference.' })
      .refine((v) => isCaseReference(v, settings.pattern), {
        error: `That isn’t a case reference in this programme’s format${like}. Use the reference, never a name.`,
      }),
    milestone: z.enum(keys, { error: 'Choose a milestone.' }),
    date: z.string({ error: 'Give the date.' }).pipe(IsoDateSchema),
    status: z.enum(['happened', 'planned'], { error: 'Say whether it happened or is planned.' }),
  };
  return z.object(
    Object.fromEntries(
      Array.from({ length: rows }, (_, k) => rowIds(k + 1)).flatMap((ids) =>
        (Object.keys(row) as (keyof typeof row)[]).map((field) => [ids[field], row[field]]),
      ),
    ),
  );
}

/**
 * A submitted Edit form: checked like a sentence (reference format, real dates, future only when
 * planned, plausible, in order with the case's other milestones), then the old question is closed
 * and a fresh confirmation card shown. Errors appear beside the field they concern.
 */
export async function saveEdit(ctx: TurnContext, pendingId: string, values: FormValues): Promise<Reply[]> {
  const open = await readPending(ctx, pendingId);
  if (!open) return [text(ANSWERED)];
  const settings = milestoneSettings(ctx);
  const rows = open.records.length;
  const again = (errors: Record<string, string>) => {
    // A rejected reference may be a name: it is not shown back, even in the user's own form.
    const typed = Object.fromEntries(Object.entries(values).filter(([id]) => !(id in errors && id.startsWith('case_'))));
    return [formErrors(errors, editForm(rows, typed, settings.catalogue, pendingId))];
  };
  const checked = checkValues(rowsSchema(rows, settings), values);
  if (checked.errors) return again(checked.errors);
  const data = checked.data as Record<string, string>;
  const records: MilestoneRecord[] = Array.from({ length: rows }, (_, k) => {
    const ids = rowIds(k + 1);
    return {
      caseRef: normaliseCaseRef(data[ids.caseRef]!.trim()),
      milestone: data[ids.milestone]!,
      date: data[ids.date]!,
      planned: data[ids.status] === 'planned',
    };
  });
  for (const [k, record] of records.entries()) {
    const problem = dateProblem(record, settings);
    if (problem) return again({ [rowIds(k + 1)[problem.field]]: problem.message });
  }
  const problem = checkRecords(records, await loadMilestones(ctx, records.map((r) => r.caseRef)), settings.catalogue);
  if (problem) return again({ [rowIds(problem.index + 1).date]: problem.message });
  if (!(await closePending(ctx, pendingId, 'cancelled'))) return [text(ANSWERED)];
  const proposal = await proposeRecords(ctx, records, settings);
  return proposal.problem ? [text(proposal.problem.message)] : proposal.replies;
}
