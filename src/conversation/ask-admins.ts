import type { WorkspaceStore } from '../store/workspace-store.js';
import { eitherOf } from './context.js';
import { plain } from './replies.js';

/** Named in a refusal at most: enough to find one who is in today, short enough for a phone. */
const MAX_NAMED = 3;

/**
 * The sentence after a refusal about a role (ForbiddenError's askAdmins), or for what only an admin
 * can do (`why`): whom to ask, by name.
 * "Ask your programme admin" left a new member to find out who that was; the admins are
 * colleagues, not children, so naming them is fine in a channel too.
 */
export async function askAdminsSentence(store: WorkspaceStore, why = 'if you need that role'): Promise<string> {
  const admins = await store.members
    .find({ roles: 'admin' }, { projection: { name: 1 }, sort: { createdAt: 1 }, limit: MAX_NAMED })
    .toArray();
  const names = admins.map((a) => plain(a.name.trim())).filter((name) => name.length > 0);
  if (names.length === 0) return `Ask your programme admin ${why}.`;
  if (names.length === 1) return `Ask ${names[0]} (the programme's admin) ${why}.`;
  return `Ask ${eitherOf.format(names)} (the programme's admins) ${why}.`;
}
