import { DateTime } from 'luxon';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { cycleAudit, flushCycleAudit } from '../../../programme/pdsa/audit-cycle.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { findCycle } from '../pdsa/find-cycle.js';
import { requireCycleEditor } from '../pdsa/permissions.js';
import { plain } from '../../replies.js';

const LIMIT = 20;
const promptNumber = (said: string) => /^p-?(\d{1,7})$/i.exec(said.trim())?.[1];
const responseNumber = (said: string) => /^r-?(\d{1,7})$/i.exec(said.trim())?.[1];

/** `prompt responses [P-3]`: what people answered in prompts' threads, newest first. */
export async function listResponses(ctx: TurnContext, rest: string): Promise<string> {
  const zone = ctx.requireProgramme().timeZone;
  ctx.requireRole(['coach', 'lead'], 'read replies to prompts');
  const number = rest.trim() ? promptNumber(rest) : undefined;
  if (rest.trim() && !number) {
    const how = 'Prompts are named like `P-3`: `prompt responses P-3`, or just `prompt responses`.';
    throw new ValidationError('bad_prompt_id', how);
  }
  const filter = number ? { promptNumber: Number(number) } : {};
  const newest = { sort: { at: -1 }, limit: LIMIT } as const;
  const responses = await ctx.store.promptResponses.find(filter, newest).toArray();
  if (responses.length === 0) return `No replies to ${number ? `P-${number}` : 'prompts'} yet.`;
  const day = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('d LLL HH:mm');
  const lines = responses.map((r) => {
    const on = r.attachedTo.length > 0 ? ` _(on ${r.attachedTo.map(cycleId).join(', ')})_` : '';
    const where = `(P-${r.promptNumber}, ${r.groupKey})`;
    return `- *R-${r.number}* ${plain(r.userName)}, ${day(r.at)} ${where}: ${plain(r.text)}${on}`;
  });
  const title = `*Replies to ${number ? `P-${number}` : 'prompts'}*`;
  // The newest reply listed, not a fixed R-5 that may not exist; the test is the person's to choose.
  return [title, ...lines, `Add one to a test of change: \`prompt attach R-${responses[0]!.number} to T-<n>\`.`].join('\n');
}

/** `prompt attach R-1 to T-12`: the reply becomes a note on the test, in its writer's name. */
export async function attachResponse(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  const match = /^(\S+)\s+(?:to|on)\s+(\S+)$/i.exec(rest.trim());
  const number = match ? responseNumber(match[1]!) : undefined;
  if (!match || !number) {
    const how = 'Say which reply and which test: `prompt attach R-<n> to T-<n>` (`prompt responses` lists the replies).';
    throw new ValidationError('bad_attach', how);
  }
  const response = await ctx.store.promptResponses.findOne({ number: Number(number) });
  if (!response) {
    const message = `There is no reply R-${number}. \`prompt responses\` lists them.`;
    throw new NotFoundError(message, 'unknown_response');
  }
  const cycle = await findCycle(ctx, match[2]!);
  await requireCycleEditor(ctx, cycle);
  const id = cycleId(cycle.number);
  if (response.attachedTo.includes(cycle.number)) return `R-${number} is already a note on ${id}.`;
  const text = `Reply to prompt P-${response.promptNumber}: ${response.text}`.slice(0, 2000);
  const note = { at: ctx.now, by: response.userId, byName: response.userName, text };
  await flushCycleAudit(ctx, cycle);
  const audit = cycleAudit(ctx, cycle.number, 'note', null, note);
  const noted = { $push: { notes: note }, $set: { updatedAt: ctx.now, pendingAudit: audit } };
  const after = await ctx.store.pdsa.findOneAndUpdate({ number: cycle.number }, noted);
  const attached = { $addToSet: { attachedTo: cycle.number } };
  await ctx.store.promptResponses.updateOne({ number: response.number }, attached);
  await flushCycleAudit(ctx, after);
  return `${plain(response.userName)}'s reply R-${number} is now a note on *${id}* ${plain(cycle.title)}.`;
}
