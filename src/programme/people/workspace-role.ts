import type { Member, WorkspaceRole } from '../../store/schemas/member.js';
import { flushPendingAudit, pendingAuditOf, withoutPendingAudit } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';

/**
 * Grants or removes a programme role (admin, coach), with its audit entry carried in the same
 * write (the repair sweep writes it if the process stops first). Removing the coach role also takes
 * the person off every group's coach list first, so a repeated `coach remove` finishes a stopped one.
 */
export async function changeWorkspaceRole(
  ctx: Pick<ModelContext, 'store' | 'now' | 'actor' | 'source'>,
  person: Member,
  role: WorkspaceRole,
  change: 'grant' | 'remove',
): Promise<Member | null> {
  if (change === 'remove' && role === 'coach') {
    await ctx.store.groups.updateMany({ coaches: person.userId }, { $pull: { coaches: person.userId } });
  }
  // A change never replaces an entry still waiting to be written.
  await flushPendingAudit(ctx.store, 'members', [person]);
  const roles = change === 'grant' ? [...new Set([...person.roles, role])] : person.roles.filter((r) => r !== role);
  const pendingAudit = pendingAuditOf(ctx, {
    entity: 'member',
    entityId: person.userId,
    action: `${change}_${role}`,
    before: withoutPendingAudit(person),
    after: { ...withoutPendingAudit(person), roles },
  });
  const update = change === 'grant' ? { $addToSet: { roles: role } } : { $pull: { roles: role } };
  const after = await ctx.store.members.findOneAndUpdate({ userId: person.userId }, { ...update, $set: { pendingAudit } });
  if (after) await flushPendingAudit(ctx.store, 'members', [after]);
  return after ? withoutPendingAudit(after) as Member : null;
}
