import { ValidationError } from '../../../errors.js';
import { PdsaNoteSchema } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { cycleAudit, flushCycleAudit } from '../../../programme/pdsa/audit-cycle.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { findCycle } from './find-cycle.js';
import { requireNoteWriter } from './permissions.js';

/** `pdsa T-12 note <text>`: a dated note on the cycle, by whoever wrote it; audited. */
export async function addNote(ctx: TurnContext, said: string, words: string): Promise<string> {
  const cycle = await findCycle(ctx, said);
  const id = cycleId(cycle.number);
  await requireNoteWriter(ctx, cycle);
  const parsed = PdsaNoteSchema.safeParse({
    at: ctx.now,
    by: ctx.turn.user.id,
    byName: ctx.turn.user.name,
    text: words,
  });
  if (!parsed.success) {
    const message = words.trim()
      ? 'Keep a note under 2,000 characters.'
      : `Say what to note, e.g. \`pdsa ${id} note Ran it at two meetings this week\`.`;
    throw new ValidationError('invalid_note', message);
  }
  await flushCycleAudit(ctx, cycle);
  const audit = cycleAudit(ctx, cycle.number, 'note', null, parsed.data);
  const after = await ctx.store.pdsa.findOneAndUpdate(
    { number: cycle.number },
    { $push: { notes: parsed.data }, $set: { updatedAt: ctx.now, pendingAudit: audit } },
  );
  await flushCycleAudit(ctx, after);
  return `Note added to *${id}*.`;
}
