import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { MAX_QUESTIONS } from '../../../digest/group-digest.js';

/** `digest question <group> <text>`: a coach queues a question for the group's part of the next digest. */
export async function queueQuestion(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  ctx.requireRole(['coach'], 'queue questions for the digest');
  const [groupWord] = splitArgs(rest);
  if (!groupWord) throw new ValidationError('no_group', 'Say which group and the question, e.g. `digest question legal-processes What slows the ADM decision?`.');
  const group = await findGroup(ctx, groupWord);
  const question = rest.trim().slice(rest.trim().indexOf(groupWord) + groupWord.length).replace(/^["\s]+|["\s]+$/g, '');
  if (question.length < 3 || question.length > 1000) throw new ValidationError('bad_question', 'Write the question after the group, in up to 1,000 characters.');
  const number = await ctx.store.nextSequence('prompt');
  await ctx.store.prompts.insertOne({ number, kind: 'question', groupKey: group.key, text: question, createdBy: ctx.actor(), status: 'active', createdAt: ctx.now, updatedAt: ctx.now });
  await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'prompt', entityId: `P-${number}`, action: 'queue_question', before: null, after: { groupKey: group.key, text: question }, source: ctx.source() });
  const queued = await ctx.store.prompts.countDocuments({ kind: 'question', groupKey: group.key, status: 'active' });
  const note = queued > MAX_QUESTIONS ? ` ${queued} are queued for ${group.name}; the digest carries ${MAX_QUESTIONS}, oldest first, and the rest wait for the next one.` : '';
  return `Queued for ${group.name}'s part of the next digest (P-${number}).${note}`;
}

/** `digest questions`: what is queued, per group. */
export async function listQuestions(ctx: TurnContext): Promise<string> {
  ctx.requireProgramme();
  const queued = await ctx.store.prompts.find({ kind: 'question', status: 'active' }, { sort: { groupKey: 1, createdAt: 1 } }).toArray();
  if (queued.length === 0) return 'No questions are queued for the next digest. A coach adds one with `digest question <group> <question>`.';
  return ['*Questions for the next digest*', ...queued.map((q) => `- P-${q.number} (${q.groupKey}): ${q.text} — ${q.createdBy.name}`)].join('\n');
}
