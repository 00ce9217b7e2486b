import { MAX_QUESTIONS } from '../../../digest/group-digest.js';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { flushPromptAudit, promptAudit } from '../prompts/audit-prompt.js';
import { plain, possessive } from '../../replies.js';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';

const EXAMPLE = '`digest question legal-processes What slows the ADM decision?`';

/** `digest question <group> <text>`: a coach queues a question for the group's next digest part. */
export async function queueQuestion(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  ctx.requireRole(['coach'], 'queue questions for the digest');
  const said = rest.trim();
  const [groupWord] = splitArgs(said);
  if (!groupWord) {
    throw new ValidationError('no_group', `Say which group and the question, e.g. ${EXAMPLE}.`);
  }
  const group = await findGroup(ctx, groupWord);
  const after = said.slice(said.indexOf(groupWord) + groupWord.length);
  const question = after.replace(/^["\s]+|["\s]+$/g, '');
  if (question.length < 3 || question.length > 1000) {
    const message = 'Write the question after the group, in up to 1,000 characters.';
    throw new ValidationError('bad_question', message);
  }
  refuseChildForChannel(ctx, question, 'A digest question');
  const number = await ctx.store.nextSequence('prompt');
  const queued = { kind: 'question' as const, groupKey: group.key, status: 'active' as const };
  await ctx.store.prompts.insertOne({
    ...queued,
    number,
    text: question,
    createdBy: ctx.actor(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    pendingAudit: promptAudit(ctx, number, 'queue_question', null, { groupKey: group.key, text: question }),
  });
  await flushPromptAudit(ctx, number);
  const waiting = await ctx.store.prompts.countDocuments(queued);
  const note =
    waiting > MAX_QUESTIONS
      ? ` ${waiting} are queued for ${plain(group.name)}; the digest carries ${MAX_QUESTIONS}, ` +
        'oldest first, and the rest wait.'
      : '';
  return `Queued for ${plain(group.name)}${possessive(group.name)} part of the next digest (P-${number}).${note}`;
}

/** `digest questions`: what is queued, per group. */
export async function listQuestions(ctx: TurnContext): Promise<string> {
  ctx.requireProgramme();
  const queued = await ctx.store.prompts
    .find({ kind: 'question', status: 'active' }, { sort: { groupKey: 1, createdAt: 1 } })
    .toArray();
  if (queued.length === 0) {
    return (
      'No questions are queued for the next digest. ' +
      'A coach adds one with `digest question <group> <question>`.'
    );
  }
  const lines = queued.map(
    (q) => `- P-${q.number} (${q.groupKey}): ${plain(q.text)} — ${plain(q.createdBy.name)}`,
  );
  return ['*Questions for the next digest*', ...lines].join('\n');
}
