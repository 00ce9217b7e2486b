import { NotFoundError, ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { flushPromptAudit, promptAudit } from './audit-prompt.js';
import { describeSchedule } from './describe-schedule.js';
import { nextOccurrence } from '../../../programme/prompts/prompt-occurrences.js';
import { plain } from '../../replies.js';

/** `prompts`: the coach prompts still to come, with when each goes out next. */
export async function listPrompts(ctx: TurnContext): Promise<string> {
  const zone = ctx.requireProgramme().timeZone;
  const [prompts, groups] = await Promise.all([
    ctx.store.prompts.find({ kind: 'prompt', status: 'active' }, { sort: { number: 1 } }).toArray(),
    ctx.store.groups.find({}).toArray(),
  ]);
  if (prompts.length === 0) {
    return 'No prompts are scheduled. A coach adds one with `prompt <group> <when>: <prompt>`.';
  }
  const lines = prompts.map((p) => {
    const group = groups.find((g) => g.key === p.groupKey);
    const next = group && p.schedule ? nextOccurrence(p.schedule, group, zone, ctx.now) : null;
    const when = p.schedule ? describeSchedule(p.schedule, zone) : '';
    const soon = next ? ` — next ${describeWhen(next, zone)}` : '';
    const to = plain(group?.name ?? p.groupKey);
    return `- *P-${p.number}* to ${to}, ${when}${soon}: ${plain(p.text)} (${plain(p.createdBy.name)})`;
  });
  return ['*Scheduled prompts*', ...lines].join('\n');
}

/** `prompt cancel P-3`: no more occurrences; replies already given are kept. */
export async function cancelPrompt(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  ctx.requireRole(['coach'], 'cancel prompts');
  const number = /^p-?(\d{1,7})$/i.exec(rest.trim())?.[1];
  if (!number) {
    throw new ValidationError('bad_prompt_id', 'Say which prompt, e.g. `prompt cancel P-3`.');
  }
  const before = await ctx.store.prompts.findOne({ number: Number(number), status: 'active' });
  if (!before) {
    const message = `P-${number} is not a scheduled prompt. \`prompts\` lists them.`;
    throw new NotFoundError(message, 'unknown_prompt');
  }
  const cancelled = { status: 'cancelled' as const };
  // A change never replaces an entry still waiting to be written.
  await flushPromptAudit(ctx, before.number);
  const pendingAudit = promptAudit(ctx, before.number, 'cancel', before, cancelled);
  const update = { $set: { ...cancelled, updatedAt: ctx.now, pendingAudit } };
  await ctx.store.prompts.updateOne({ number: before.number }, update);
  await flushPromptAudit(ctx, before.number);
  // A question queued for the digest shares the numbering: withdrawing one is the same act, said
  // as what it is (it answered "it will not go out again", as if it were a scheduled prompt).
  return before.kind === 'question'
    ? `P-${number} withdrawn: the question will not be asked in the digest.`
    : `P-${number} cancelled: it will not go out again.`;
}
