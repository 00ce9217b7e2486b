import type { Member } from '../../store/schemas/member.js';
import { flushPendingAudit, pendingAuditOf, withoutPendingAudit } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';

/** Someone an adapter found on its platform (a mention, a picker, an e-mail, the roster) or a local person. */
export interface NewPerson {
  userId: string;
  name: string;
  email?: string;
}

export interface AddedPerson {
  member: Member;
  /** False when they were already known: nothing was written. */
  added: boolean;
}

/**
 * Makes someone a member of the workspace before they have spoken to the bot, so they can be given
 * a role or a group. The member carries its audit entry in the same insert (repaired if the process
 * stops before the entry is written). Someone already known is returned as they are.
 */
export async function addPerson(ctx: ModelContext, person: NewPerson): Promise<AddedPerson> {
  const existing = await ctx.store.members.findOne({ userId: person.userId });
  if (existing) return { member: existing, added: false };
  const member: Omit<Member, 'workspaceId'> = {
    userId: person.userId,
    name: person.name.trim().slice(0, 200),
    roles: [],
    ...(person.email ? { email: person.email.toLowerCase() } : {}),
    addedBy: ctx.actor().userId,
    createdAt: ctx.now,
  };
  const pendingAudit = pendingAuditOf(ctx, {
    entity: 'member',
    entityId: person.userId,
    action: 'add_person',
    before: null,
    // What was understood: the person's id and name (and e-mail), never the words typed.
    after: { userId: member.userId, name: member.name, ...(member.email ? { email: member.email } : {}) },
  });
  try {
    await ctx.store.members.insertOne({ ...member, pendingAudit } as Member);
  } catch (error) {
    // 11000: they spoke to the bot (or were added) at the same moment; theirs stands.
    if ((error as { code?: number }).code !== 11000) throw error;
    return { member: (await ctx.store.members.findOne({ userId: person.userId }))!, added: false };
  }
  const stored = await ctx.store.members.findOne({ userId: person.userId });
  await flushPendingAudit(ctx.store, 'members', stored ? [stored] : []);
  return { member: withoutPendingAudit(stored ?? ({ ...member, workspaceId: ctx.store.workspaceId } as Member)) as Member, added: true };
}
