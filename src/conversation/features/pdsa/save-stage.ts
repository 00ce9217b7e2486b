import type { FormValues } from '../../../../cards/model.js';
import type { TurnContext } from '../../context.js';
import { checkValues, formErrors } from '../../form-errors.js';
import { card } from '../../replies.js';
import type { Reply } from '../../turn.js';
import {
  asRead,
  changedMeanwhile,
  compact,
  cycleAudit,
  flushCycleAudit,
} from '../../../programme/pdsa/audit-cycle.js';
import { confirmCard } from './confirm-card.js';
import { findCycle } from './find-cycle.js';
import { localToday } from '../../../programme/local-date.js';
import { requireCycleEditor } from './permissions.js';
import { stageForm } from './stage-forms.js';
import { type RecordableStage, STAGE_INPUTS } from './stage-input.js';
import { laterStage, requireStageOpen } from './stages.js';
import { keptVerdict } from './kept-verdict.js';
import { predictionEvidence } from '../../../programme/pdsa/prediction-evidence.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';

/** Opens the Do, Study or Act form, if the user may change the cycle and the stage before is recorded. */
export async function openStageForm(
  ctx: TurnContext,
  said: string | number,
  stage: RecordableStage,
) {
  const cycle = await findCycle(ctx, said);
  await requireCycleEditor(ctx, cycle);
  requireStageOpen(cycle, stage);
  const today = localToday(ctx);
  return stageForm(cycle, stage, today, undefined, await studyEvidence(ctx, cycle, stage, today));
}

/** What the measure did since the test started, for the Study form of a test with a checkable prediction. */
function studyEvidence(ctx: TurnContext, cycle: PdsaCycle, stage: RecordableStage, today: string) {
  const programme = ctx.programme;
  if (stage !== 'study' || !programme) return Promise.resolve(null);
  return predictionEvidence(ctx.store, programme, cycle, today, ctx.now);
}

/** The stage form again, filled with what was submitted, to show a refusal beside its field. */
export async function stageFormAgain(
  ctx: TurnContext,
  stage: RecordableStage,
  number: number,
  typed: FormValues,
) {
  const cycle = await findCycle(ctx, number);
  await requireCycleEditor(ctx, cycle);
  const today = localToday(ctx);
  return stageForm(cycle, stage, today, typed, await studyEvidence(ctx, cycle, stage, today));
}

/** Saves a stage form: the first time it moves the cycle on; later it corrects the stage. Audited. */
export async function saveStageForm(
  ctx: TurnContext,
  stage: RecordableStage,
  number: number,
  values: FormValues,
): Promise<Reply[]> {
  const before = await findCycle(ctx, number);
  await requireCycleEditor(ctx, before);
  requireStageOpen(before, stage);
  const today = localToday(ctx);
  const evidence = await studyEvidence(ctx, before, stage, today);
  const again = () => stageForm(before, stage, today, values, evidence);
  const checked = checkValues<Record<string, string | undefined>>(STAGE_INPUTS[stage], values);
  if (checked.errors) return [formErrors(checked.errors, again())];
  const { verdict, verdictReason, ...said } = compact(checked.data);
  const kept = evidence ? keptVerdict(evidence, verdict, verdictReason, today) : null;
  if (kept && 'error' in kept) return [formErrors({ verdictReason: kept.error }, again())];
  if (stage === 'do' && said.carriedOutOn! > today) {
    return [
      formErrors(
        {
          carriedOutOn: 'That date is in the future. Record Do once the test has been carried out.',
        },
        again(),
      ),
    ];
  }
  const first = !before[stage];
  await flushCycleAudit(ctx, before);
  const changes = {
    [stage]: kept ? { ...said, predictionCheck: kept } : said,
    stage: laterStage(before.stage, stage),
    stageDates: { ...before.stageDates, [stage]: before.stageDates?.[stage] ?? ctx.now },
    // The run chart marks a test where it was carried out.
    ...(stage === 'do' ? { startedOn: said.carriedOutOn } : {}),
    updatedAt: ctx.now,
  };
  const expected = { ...before, ...changes, version: before.version + 1 };
  const audit = cycleAudit(ctx, number, first ? stage : `edit_${stage}`, before, expected);
  const after = await ctx.store.pdsa.findOneAndUpdate(asRead(before), {
    $set: { ...changes, pendingAudit: audit },
    $inc: { version: 1 },
  });
  if (!after) throw changedMeanwhile(number);
  await flushCycleAudit(ctx, after);
  return [card(confirmCard(after, stage, !first))];
}
