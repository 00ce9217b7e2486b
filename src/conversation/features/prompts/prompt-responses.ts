import { DateTime } from 'luxon';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { findCycle } from '../pdsa/find-cycle.js';
import { requireCycleEditor } from '../pdsa/permissions.js';
import { auditCycle } from '../pdsa/audit-cycle.js';

const LIMIT = 20;
const promptNumber = (said: string) => /^p-?(\d{1,7})$/i.exec(said.trim())?.[1];
const responseNumber = (said: string) => /^r-?(\d{1,7})$/i.exec(said.trim())?.[1];

/** `prompt responses [P-3]`: what people answered in prompts' threads, newest first. */
export async function listResponses(ctx: TurnContext, rest: string): Promise<string> {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['coach', 'lead'], 'read replies to prompts');
  const number = rest.trim() ? promptNumber(rest) : undefined;
  if (rest.trim() && !number) throw new ValidationError('bad_prompt_id', 'Prompts are named like `P-3`: `prompt responses P-3`, or `prompt responses` for all.');
  const responses = await ctx.store.promptResponses
    .find(number ? { promptNumber: Number(number) } : {}, { sort: { at: -1 }, limit: LIMIT })
    .toArray();
  if (responses.length === 0) return number ? `No replies to P-${number} yet.` : 'No replies to prompts yet.';
  const day = (at: Date) => DateTime.fromJSDate(at, { zone: programme.timeZone }).toFormat('d LLL HH:mm');
  const lines = responses.map((r) => {
    const attached = r.attachedTo.length > 0 ? ` _(on ${r.attachedTo.map(cycleId).join(', ')})_` : '';
    return `- *R-${r.number}* ${r.userName}, ${day(r.at)} (P-${r.promptNumber}, ${r.groupKey}): ${r.text}${attached}`;
  });
  return [`*Replies to ${number ? `P-${number}` : 'prompts'}*`, ...lines, 'Add one to a test of change: `prompt attach R-5 to T-12`.'].join('\n');
}

/** `prompt attach R-5 to T-12`: the reply becomes a note on the test of change, in its writer's name. */
export async function attachResponse(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  const match = /^(\S+)\s+(?:to|on)\s+(\S+)$/i.exec(rest.trim());
  const number = match ? responseNumber(match[1]!) : undefined;
  if (!match || !number) throw new ValidationError('bad_attach', 'Say which reply and which test, e.g. `prompt attach R-5 to T-12`.');
  const response = await ctx.store.promptResponses.findOne({ number: Number(number) });
  if (!response) throw new NotFoundError(`There is no reply R-${number}. \`prompt responses\` lists them.`, 'unknown_response');
  const cycle = await findCycle(ctx, match[2]!);
  await requireCycleEditor(ctx, cycle);
  const id = cycleId(cycle.number);
  if (response.attachedTo.includes(cycle.number)) return `R-${number} is already a note on ${id}.`;
  const note = { at: ctx.now, by: response.userId, byName: response.userName, text: `Reply to prompt P-${response.promptNumber}: ${response.text}`.slice(0, 2000) };
  await ctx.store.pdsa.updateOne({ number: cycle.number }, { $push: { notes: note }, $set: { updatedAt: ctx.now } });
  await ctx.store.promptResponses.updateOne({ number: response.number }, { $addToSet: { attachedTo: cycle.number } });
  await auditCycle(ctx, cycle.number, 'note', null, note);
  return `${response.userName}'s reply R-${number} is now a note on *${id}* ${cycle.title}.`;
}
