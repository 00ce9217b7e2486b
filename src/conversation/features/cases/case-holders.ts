import { casesRecordedBy as recordedBy, undoneBy } from '../../../programme/cases/cases-recorded-by.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';

/** What a list shows for a case whose dates all came from a tracker import. */
const IMPORTED = 'imported';

/**
 * Who holds each case: the worker it was handed to; else whoever last recorded a date that has not
 * been undone; else, when its dates came from an import, "imported". The admin who ran an import
 * did data support, not the child's work: naming them would send leads chasing the wrong person.
 * Names come from the members and the audit, never from message text.
 */
export async function ownersOf(ctx: TurnContext, cases: readonly Pick<Case, 'caseRef' | 'ownerId'>[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const handed = [...new Set(cases.flatMap((c) => (c.ownerId ? [c.ownerId] : [])))];
  const members = handed.length ? await ctx.store.members.find({ userId: { $in: handed } }).toArray() : [];
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const unowned = cases.filter((c) => !c.ownerId).map((c) => c.caseRef);
  const entries = unowned.length
    ? await ctx.store.audit
        .find(
          { entity: 'case', entityId: { $in: unowned }, action: { $in: ['record', 'import', 'undo'] } },
          { projection: { entityId: 1, actor: 1, action: 1, after: 1, at: 1 } },
        )
        .sort({ at: 1, _id: 1 })
        .toArray()
    : [];
  const undone = new Set(entries.flatMap((e) => (e.action === 'undo' ? [String(undoneBy(e.after))] : [])));
  // Oldest first: a later record replaces an earlier holder; an import never replaces a person.
  for (const entry of entries) {
    if (entry.action === 'undo' || undone.has(entry._id!.toHexString())) continue;
    if (entry.action === 'record') owners.set(entry.entityId, entry.actor.name);
    else if (!owners.has(entry.entityId)) owners.set(entry.entityId, IMPORTED);
  }
  for (const c of cases) if (c.ownerId) owners.set(c.caseRef, nameOf.get(c.ownerId) ?? 'someone who has left');
  return owners;
}

/** The cases the user recorded a date for that has not been undone (imports they ran are not theirs). */
export const casesRecordedBy = (ctx: TurnContext, userId: string): Promise<string[]> => recordedBy(ctx.store, userId);
