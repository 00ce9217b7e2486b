import { ObjectId } from 'mongodb';
import type { ScopedCollection, WorkspaceOwned } from '../../../store/scoped-collection.js';
import type { TurnContext } from '../../context.js';
import { card, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { auditCase } from '../../../programme/cases/audit-case.js';
import { findMentions, mentionPattern, redacted } from '../../../programme/cases/find-mentions.js';

export const ERASE_KIND = 'case.erase';
export const ERASE_VERB = 'case.erase';
export const KEEP_VERB = 'case.erase.cancel';
export const ERASED = '[erased]';
const ANSWER_WITHIN_MS = 60 * 60 * 1000;
const EXPIRED = 'That erase question was already answered, or it expired. Nothing changed.';

/** `case C1042 erase` (admins): says what will go, and asks before anything is touched. */
export async function askErase(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'erase a case');
  const [found, mentions] = await Promise.all([
    ctx.store.cases.findOne({ caseRef }),
    findMentions(ctx.store, caseRef),
  ]);
  if (!found && mentions.length === 0) return [text(`Nothing is held on ${caseRef}.`)];
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: ERASE_KIND,
    payload: { caseRef },
    // No text: the command names the reference, and this question is erased along with it.
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId },
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  const data = { pending: insertedId.toHexString() };
  const what =
    `This deletes ${caseRef} and its milestone dates, and replaces the reference with ${ERASED} ` +
    'in the audit log, PDSA notes and messages the bot keeps. It can’t be undone: export first ' +
    `with \`case ${caseRef} export\` if a copy is needed.`;
  return [
    card({
      title: `Erase ${caseRef}?`,
      facts: [
        { label: 'Milestone dates', value: String(Object.keys(found?.milestones ?? {}).length) },
        { label: 'Other records naming it', value: String(mentions.length) },
      ],
      sections: [{ text: what }],
      buttons: [
        {
          id: 'erase',
          label: `Erase ${caseRef}`,
          style: 'danger',
          action: { verb: ERASE_VERB, data },
        },
        { id: 'keep', label: 'Cancel', action: { verb: KEEP_VERB, data } },
      ],
    }),
  ];
}

/** Answers this admin's erase question once, atomically. */
function claim(ctx: TurnContext, id: string, status: 'done' | 'cancelled') {
  if (!ObjectId.isValid(id)) return Promise.resolve(null);
  const mine = { kind: ERASE_KIND, userId: ctx.turn.user.id, status: 'open' as const };
  return ctx.store.pending.findOneAndUpdate(
    { _id: new ObjectId(id), ...mine, expiresAt: { $gt: ctx.now } },
    { $set: { status } },
  );
}

/**
 * Rewrites every record that names the reference with it replaced, and deletes the questions
 * about it (they could otherwise bring it back). Returns how many of each were touched.
 */
async function scrub(
  ctx: TurnContext,
  caseRef: string,
  skip: ObjectId,
): Promise<Record<string, number>> {
  const pattern = mentionPattern(caseRef);
  const counts: Record<string, number> = {};
  for (const { collection, doc } of await findMentions(ctx.store, caseRef)) {
    const scoped = ctx.store[collection] as unknown as ScopedCollection<WorkspaceOwned>;
    if (!skip.equals(doc._id as ObjectId)) counts[collection] = (counts[collection] ?? 0) + 1;
    if (collection === 'pending') {
      await scoped.deleteOne({ _id: doc._id });
      continue;
    }
    // An import's rows are that child's dates: they go, not just the reference in them.
    const source =
      collection === 'imports' && Array.isArray(doc.rows)
        ? { ...doc, rows: (doc.rows as { caseRef?: string }[]).filter((r) => r.caseRef !== caseRef) }
        : doc;
    const changed = Object.entries(source)
      .filter(([key]) => key !== '_id' && key !== 'workspaceId')
      .map(([key, value]) => [key, redacted(value, pattern, ERASED)] as const)
      .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(doc[key]));
    if (changed.length > 0) {
      await scoped.updateOne({ _id: doc._id }, { $set: Object.fromEntries(changed) });
    }
  }
  return counts;
}

/**
 * Erases: deletes the case, and scrubs the reference from everything else. This is the one change
 * ever made to the audit log: the right to erasure outranks an immutable log, and the log still
 * shows that an erasure happened, by whom and when — only no longer of which child.
 */
export async function confirmErase(ctx: TurnContext, id: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'erase a case');
  const claimed = await claim(ctx, id, 'done');
  if (!claimed) return [text(EXPIRED)];
  const caseRef = String(claimed.payload.caseRef);
  const deleted = (await ctx.store.cases.deleteOne({ caseRef })).deletedCount === 1;
  const counts = await scrub(ctx, caseRef, claimed._id!);
  const { platform, eventId } = ctx.turn;
  const after = { caseDeleted: deleted, recordsRewritten: counts };
  await auditCase(ctx, ERASED, 'erase', null, after, { platform, eventId });
  const rewritten = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary =
    `${deleted ? 'The case and its dates are deleted' : 'There was no case record'}; ` +
    `${rewritten} other record${rewritten === 1 ? '' : 's'} now say ${ERASED}. ` +
    'The audit log keeps that you erased a case today.';
  return [card({ title: 'Erased', sections: [{ text: summary }] }, true)];
}

/** Cancel: nothing is touched. */
export async function cancelErase(ctx: TurnContext, id: string): Promise<Reply[]> {
  if (!(await claim(ctx, id, 'cancelled'))) return [text(EXPIRED)];
  return [card({ title: 'Not erased', sections: [{ text: 'Nothing changed.' }] }, true)];
}
