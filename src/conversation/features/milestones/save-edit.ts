import type { FormValues } from '../../../../cards/model.js';
import type { TurnContext } from '../../context.js';
import { checkValues, formErrors } from '../../form-errors.js';
import { form, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { checkRecords } from '../../../programme/cases/check-records.js';
import { ANSWERED } from './confirm-records.js';
import { dateProblem } from './date-rules.js';
import { editForm, rowIds, valuesOf } from './edit-form.js';
import { editInputSchema, recordsOfInput } from './edit-input.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { closePending, readPending } from './pending-records.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { proposeRecords } from './propose-records.js';

/** Edit: the records of an open question as a form. */
export async function openEdit(ctx: TurnContext, pendingId: string): Promise<Reply[]> {
  const open = await readPending(ctx, pendingId);
  if (!open) return [text(ANSWERED)];
  const { catalogue } = milestoneSettings(ctx);
  return [form(editForm(open.records.length, valuesOf(open.records), catalogue, pendingId))];
}

/**
 * A submitted Edit form: checked like a sentence (reference format, real dates, future only when
 * planned, plausible, in order with the case's other milestones), then the old question is closed
 * and a fresh confirmation card shown. Errors appear beside the field they concern.
 */
export async function saveEdit(
  ctx: TurnContext,
  pendingId: string,
  values: FormValues,
): Promise<Reply[]> {
  const open = await readPending(ctx, pendingId);
  if (!open) return [text(ANSWERED)];
  const settings = milestoneSettings(ctx);
  const rows = open.records.length;
  const again = (errors: Record<string, string>) => {
    // A rejected reference may be a name: it is not shown back, even in the user's own form.
    const hidden = (id: string) => id in errors && id.startsWith('case_');
    const shown = Object.entries(values).filter(([id]) => !hidden(id));
    const card = editForm(rows, Object.fromEntries(shown), settings.catalogue, pendingId);
    return [formErrors(errors, card)];
  };
  const checked = checkValues(editInputSchema(rows, settings), values);
  if (checked.errors) return again(checked.errors);
  const records = recordsOfInput(checked.data, rows);
  for (const [k, record] of records.entries()) {
    const problem = dateProblem(record, settings);
    if (problem) return again({ [rowIds(k + 1)[problem.field]]: problem.message });
  }
  const existing = await loadMilestones(
    ctx,
    records.map((r) => r.caseRef),
  );
  const problem = checkRecords(records, existing, settings.catalogue);
  if (problem) return again({ [rowIds(problem.index + 1).date]: problem.message });
  if (!(await closePending(ctx, pendingId, 'cancelled'))) return [text(ANSWERED)];
  const proposal = await proposeRecords(ctx, records, settings);
  return proposal.problem ? [text(plain(proposal.problem.message))] : proposal.replies;
}
