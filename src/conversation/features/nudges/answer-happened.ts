import { ObjectId, type WithId } from 'mongodb';
import type { FormValues } from '../../../../cards/model.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { IsoDateSchema } from '../../../domain/measures/index.js';
import { ForbiddenError, NotFoundError } from '../../../errors.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { happenedQuestion } from '../../../programme/nudges/happened-card.js';
import type { Notice } from '../../../store/schemas/notice.js';
import type { TurnContext } from '../../context.js';
import { formErrors } from '../../form-errors.js';
import { form, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { dateProblem } from '../milestones/date-rules.js';
import { proposeRecords } from '../milestones/propose-records.js';
import { answerForm } from './answer-forms.js';

const ANSWERED = 'That plan has been answered already (a date or a new plan was recorded since I asked). Nothing more to do.';

export const noticeId = (data: Record<string, unknown>) => (typeof data.notice === 'string' ? data.notice : '');

type Asked = WithId<Notice> & { caseRef: string; milestone: string; planned: string };

/** The question behind a button, while its plan still stands; it names a child, so direct messages only. */
async function askedPlan(ctx: TurnContext, data: Record<string, unknown>): Promise<Asked | Reply[]> {
  if (ctx.turn.conversation.kind !== 'direct') {
    throw new ForbiddenError('This names a child: answer it in our direct messages, not in a channel.');
  }
  ctx.requireProgramme();
  const id = noticeId(data);
  const notice = ObjectId.isValid(id) ? await ctx.store.notices.findOne({ _id: new ObjectId(id), kind: 'happened' }) : null;
  if (!notice?.caseRef || !notice.milestone || !notice.planned) throw new NotFoundError('I can’t find that question any more.', 'question_missing');
  const held = await ctx.store.cases.findOne({ caseRef: notice.caseRef }, { projection: { milestones: 1 } });
  const dates = held?.milestones[notice.milestone];
  if (!dates || dates.actual || dates.planned !== notice.planned) return [text(ANSWERED)];
  return notice as Asked;
}

/**
 * An answer as a milestone record, through the same path as a typed sentence: the date rules, the
 * case's order, and the "Check before I save" card, so it is stored (and audited) only on Confirm.
 */
async function propose(ctx: TurnContext, record: MilestoneRecord, onProblem: (message: string) => Reply[]): Promise<Reply[]> {
  const settings = milestoneSettings(ctx);
  const problem = dateProblem(record, settings);
  if (problem) return onProblem(problem.message);
  const proposal = await proposeRecords(ctx, [record], settings);
  return proposal.problem ? onProblem(plain(proposal.problem.message)) : proposal.replies;
}

/** "Yes, on that day": the planned date as the day it happened. */
export async function happenedThatDay(ctx: TurnContext, data: Record<string, unknown>): Promise<Reply[]> {
  const asked = await askedPlan(ctx, data);
  if (Array.isArray(asked)) return asked;
  const record = { caseRef: asked.caseRef, milestone: asked.milestone, date: asked.planned, planned: false };
  return propose(ctx, record, (message) => [text(message)]);
}

/** "Yes, on another day…" or "Moved to…": the date form. */
export async function openAnswer(ctx: TurnContext, data: Record<string, unknown>, moved: boolean): Promise<Reply[]> {
  const asked = await askedPlan(ctx, data);
  if (Array.isArray(asked)) return asked;
  const { catalogue } = milestoneSettings(ctx);
  return [form(answerForm(asked._id.toHexString(), happenedQuestion(asked, catalogue), moved))];
}

/** The date form submitted: the day it happened, or the new plan, checked like a sentence. */
export async function saveAnswer(ctx: TurnContext, data: Record<string, unknown>, values: FormValues, moved: boolean): Promise<Reply[]> {
  const asked = await askedPlan(ctx, data);
  if (Array.isArray(asked)) return asked;
  const { catalogue } = milestoneSettings(ctx);
  const again = (message: string) => [
    formErrors({ date: message }, answerForm(asked._id.toHexString(), happenedQuestion(asked, catalogue), moved, values.date)),
  ];
  const date = IsoDateSchema.safeParse((values.date ?? '').trim());
  if (!date.success) return again('Pick a date, e.g. 18/12/2026.');
  return propose(ctx, { caseRef: asked.caseRef, milestone: asked.milestone, date: date.data, planned: moved }, again);
}
