import { claimQuestion } from '../../claim-question.js';
import type { TurnContext } from '../../context.js';
import { card, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { ERASE_KIND, ERASE_LEASE_MS, ERASED, eraseCaseRecords } from '../../../programme/cases/erase-case-records.js';
import { findMentions } from '../../../programme/cases/find-mentions.js';

export { ERASE_KIND, ERASED };

export const ERASE_VERB = 'case.erase';
export const KEEP_VERB = 'case.erase.cancel';
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

const claim = (ctx: TurnContext, id: unknown, status: 'applying' | 'cancelled') =>
  claimQuestion(ctx, id, status, { kind: ERASE_KIND, leaseMs: ERASE_LEASE_MS });

/**
 * Erases: the model deletes the case, removes whole every text that named it, audits that an
 * erasure happened (by whom and when, never of which child) and compacts the store. This is the
 * one change ever made to the audit log: the right to erasure outranks an immutable log.
 */
export async function confirmErase(ctx: TurnContext, id: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'erase a case');
  const claimed = await claim(ctx, id, 'applying');
  if (!claimed) return [text(EXPIRED)];
  const caseRef = String(claimed.payload.caseRef);
  const done = await eraseCaseRecords(ctx, caseRef, `erase-${id}`, claimed._id!);
  const rewritten = Object.values(done.recordsRewritten).reduce((a, b) => a + b, 0);
  const summary =
    `${done.caseDeleted ? 'The case and its dates are deleted' : 'There was no case record'}; ` +
    `${rewritten} other record${rewritten === 1 ? '' : 's'} that named it ${rewritten === 1 ? 'is' : 'are'} now just ${ERASED}. ` +
    'The audit log keeps that you erased a case today.';
  return [card({ title: 'Erased', sections: [{ text: summary }] }, true)];
}

/** Cancel: nothing is touched. */
export async function cancelErase(ctx: TurnContext, id: string): Promise<Reply[]> {
  if (!(await claim(ctx, id, 'cancelled'))) return [text(EXPIRED)];
  return [card({ title: 'Not erased', sections: [{ text: 'Nothing changed.' }] }, true)];
}
