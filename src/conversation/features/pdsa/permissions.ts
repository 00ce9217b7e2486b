import { ForbiddenError } from '../../../errors.js';
import type { Group } from '../../../store/schemas/group.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import { hasRole, type TurnContext } from '../../context.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { plain } from '../../replies.js';

/** The owner, a lead of the cycle's group, a coach or an admin. */
function canEdit(ctx: TurnContext, cycle: PdsaCycle, group: Group | null): boolean {
  return (
    cycle.ownerId === ctx.turn.user.id ||
    ctx.isAdmin ||
    ctx.isCoach ||
    (!!group && hasRole(ctx, 'lead', group))
  );
}

/** Only the owner, a lead of its group, a coach or an admin may change a cycle; the refusal names them. */
export async function requireCycleEditor(ctx: TurnContext, cycle: PdsaCycle): Promise<void> {
  const group = await ctx.store.groups.findOne({ key: cycle.groupKey });
  if (canEdit(ctx, cycle, group)) return;
  const id = cycleId(cycle.number);
  throw new ForbiddenError(
    `Only ${plain(cycle.ownerName)} (its owner), a lead of ${group ? plain(group.name) : 'its group'}, a coach or an admin can change ${id}. You can add a note: \`pdsa ${id} note <text>\`.`,
  );
}

/** Notes are open to the editors and to every member of the cycle's group. */
export async function requireNoteWriter(ctx: TurnContext, cycle: PdsaCycle): Promise<void> {
  const group = await ctx.store.groups.findOne({ key: cycle.groupKey });
  if (canEdit(ctx, cycle, group) || group?.members.includes(ctx.turn.user.id)) return;
  throw new ForbiddenError(
    `Notes on ${cycleId(cycle.number)} are for members of ${group ? plain(group.name) : 'its group'}. Join it with \`join ${cycle.groupKey}\`, then try again.`,
  );
}
