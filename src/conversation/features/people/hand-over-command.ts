import { ValidationError } from '../../../errors.js';
import { applyHandover, HANDOVER_KIND, HANDOVER_LEASE_MS, planHandover } from '../../../programme/people/hand-over.js';
import { claimQuestion } from '../../claim-question.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';

export const HANDOVER_VERB = 'people.handover';
export const HANDOVER_CANCEL_VERB = 'people.handover.cancel';
const ANSWER_WITHIN_MS = 60 * 60 * 1000;
const EXPIRED = 'That hand-over question was already answered, or it expired. Nothing changed.';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * `hand over @Jamie to @Sam`: when a worker leaves, their open cases and open tests of change go to
 * someone else. Asks first, with what would move; nothing moves until Confirm.
 */
export async function askHandover(ctx: TurnContext, words: string): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'hand over a worker’s cases and tests of change');
  const match = /^(.+?)\s+to\s+(.+)$/i.exec(words.trim());
  if (!match) throw new ValidationError('bad_handover', 'Say who leaves and who takes over, e.g. `hand over @Jamie to @Sam`.');
  const from = await resolvePerson(ctx, match[1]!);
  const to = await resolvePerson(ctx, match[2]!, { addIfNew: true });
  if (from.userId === to.userId) throw new ValidationError('same_person', 'Those are the same person. Name who takes over, e.g. `hand over @Jamie to @Sam`.');
  const plan = await planHandover(ctx, from, to);
  if (plan.caseRefs.length === 0 && plan.cycles.length === 0) {
    return [card({ title: 'Nothing to hand over', sections: [{ text: `${plain(from.name)} holds no open cases and no open tests of change.` }] })];
  }
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: HANDOVER_KIND,
    payload: plan,
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId },
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  const data = { pending: insertedId.toHexString() };
  const cycles = plan.cycles.map((n) => `T-${n}`).join(', ');
  return [
    card({
      title: `Hand over ${plain(from.name)}’s work to ${plain(to.name)}?`,
      // Counts only: this card may be in a channel, and case references go to people only.
      facts: [
        { label: 'Open cases', value: String(plan.caseRefs.length) },
        { label: 'Open tests of change', value: plan.cycles.length > 0 ? `${plan.cycles.length} (${cycles})` : '0' },
      ],
      sections: [{ text: `${plain(to.name)} becomes the owner of each. Every move is kept in the audit log.` }],
      buttons: [
        { id: 'handover', label: 'Hand over', style: 'primary', action: { verb: HANDOVER_VERB, data } },
        { id: 'keep', label: 'Cancel', action: { verb: HANDOVER_CANCEL_VERB, data } },
      ],
    }),
  ];
}

const claim = (ctx: TurnContext, id: unknown, status: 'applying' | 'cancelled') =>
  claimQuestion(ctx, id, status, { kind: HANDOVER_KIND, leaseMs: HANDOVER_LEASE_MS });

export async function confirmHandover(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'hand over a worker’s cases and tests of change');
  const claimed = await claim(ctx, id, 'applying');
  if (!claimed) return [text(EXPIRED)];
  const done = await applyHandover(ctx, claimed);
  const { from, to } = claimed.payload as { from: { name: string }; to: { name: string } };
  const said =
    `${plain(to.name)} now holds ${plural(done.cases, 'open case', 'open cases')} and ` +
    `${plural(done.cycles, 'test of change', 'tests of change')} from ${plain(from.name)}. ` +
    `${plain(to.name)} sees them in \`my cases\` and \`pdsa list\`.`;
  return [card({ title: 'Handed over', sections: [{ text: said }] }, true)];
}

export async function cancelHandover(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  if (!(await claim(ctx, id, 'cancelled'))) return [text(EXPIRED)];
  return [card({ title: 'Not handed over', sections: [{ text: 'Nothing changed.' }] }, true)];
}
