import { ValidationError } from '../../../errors.js';
import { applyRemoval, planRemoval, REMOVE_PERSON_KIND, REMOVE_PERSON_LEASE_MS, type RemovalPlan } from '../../../programme/people/remove-person.js';
import { claimQuestion } from '../../claim-question.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Reply } from '../../turn.js';

export const REMOVE_PERSON_VERB = 'people.remove';
export const REMOVE_PERSON_CANCEL_VERB = 'people.remove.cancel';
const ANSWER_WITHIN_MS = 60 * 60 * 1000;
const EXPIRED = 'That question was already answered, or it expired. Nothing changed.';
const WHO = 'Say who, e.g. `person remove "Sam Lee"`.';

/** "lead of `legal`; member of `panel`", or "none": group keys, which name no child. */
function groupsInWords(plan: RemovalPlan): string {
  const keys = (list: readonly string[]) => list.map((k) => `\`${k}\``).join(', ');
  const memberOnly = plan.groups.filter((k) => !plan.leads.includes(k) && !plan.coaches.includes(k));
  const parts = [
    ...(plan.leads.length > 0 ? [`lead of ${keys(plan.leads)}`] : []),
    ...(plan.coaches.length > 0 ? [`coach of ${keys(plan.coaches)}`] : []),
    ...(memberOnly.length > 0 ? [`member of ${keys(memberOnly)}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** " `legal` will have no lead until you name one: `group legal lead <name>`." or "". */
function leftWithoutLead(plan: RemovalPlan, will: boolean): string {
  if (plan.onlyLeadOf.length === 0) return '';
  const groups = plan.onlyLeadOf.map((k) => `\`${k}\``).join(', ');
  const first = plan.onlyLeadOf[0]!;
  return ` ${groups} ${will ? 'will have' : 'now has'} no lead until you name one: \`group ${first} lead <name>\`.`;
}

/**
 * `person remove "Ravi Shah"`: takes someone added by mistake (or who has left) off the bot, for an
 * admin. Asks first with what they hold; refuses, with the hand-over to say, while they hold open
 * cases or tests of change. The name must be said in full (or as a first name only they have).
 */
export async function askRemovePerson(ctx: TurnContext, words: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'remove people');
  ctx.requireProgramme();
  if (!words.trim()) throw new ValidationError('no_person', WHO);
  const person = await resolvePerson(ctx, words, { exactName: true, known: true });
  const plan = await planRemoval(ctx, person);
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: REMOVE_PERSON_KIND,
    payload: plan,
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId },
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  const data = { pending: insertedId.toHexString() };
  const leftWithout = leftWithoutLead(plan, true);
  return [
    card({
      title: `Remove ${plain(person.name)}?`,
      facts: [
        { label: 'Programme roles', value: plan.roles.length > 0 ? plan.roles.join(', ') : 'none' },
        { label: 'Groups', value: groupsInWords(plan) },
        { label: 'Open cases', value: '0' },
        { label: 'Open tests of change', value: '0' },
        ...(plan.alerts > 0 ? [{ label: 'Drift alerts handed to them', value: String(plan.alerts) }] : []),
      ],
      sections: [
        {
          text:
            `They come off every group and out of the bot; what they recorded stays, with their name in the audit log.${leftWithout}` +
            (plan.alerts > 0 ? ' Their alerts stay with their group’s leads.' : ''),
        },
      ],
      buttons: [
        { id: 'remove', label: 'Remove', style: 'danger', action: { verb: REMOVE_PERSON_VERB, data } },
        { id: 'keep', label: 'Cancel', action: { verb: REMOVE_PERSON_CANCEL_VERB, data } },
      ],
    }),
  ];
}

const claim = (ctx: TurnContext, id: unknown, status: 'applying' | 'cancelled') =>
  claimQuestion(ctx, id, status, { kind: REMOVE_PERSON_KIND, leaseMs: REMOVE_PERSON_LEASE_MS });

/** Remove: checked again first, since they may have been given a case since the question was asked. */
export async function confirmRemovePerson(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'remove people');
  const claimed = await claim(ctx, id, 'applying');
  if (!claimed) return [text(EXPIRED)];
  const person = await ctx.store.members.findOne({ userId: String(claimed.payload.userId) });
  if (person) {
    try {
      await planRemoval(ctx, person);
    } catch (error) {
      await ctx.store.pending.updateOne({ _id: claimed._id }, { $set: { status: 'cancelled', closedAt: ctx.now }, $unset: { leaseUntil: '' } });
      throw error;
    }
  }
  const plan = await applyRemoval(ctx, claimed);
  return [card({ title: 'Person removed', sections: [{ text: `${plain(plan.name)} is removed from pacebot and from every group.${leftWithoutLead(plan, false)}` }] }, true)];
}

export async function cancelRemovePerson(ctx: TurnContext, id: unknown): Promise<Reply[]> {
  if (!(await claim(ctx, id, 'cancelled'))) return [text(EXPIRED)];
  return [card({ title: 'Not removed', sections: [{ text: 'Nothing changed.' }] }, true)];
}
