import { NotFoundError } from '../errors.js';
import type { Group } from '../store/schemas/group.js';
import type { TurnContext } from './context.js';
import { askAdminsSentence } from './ask-admins.js';
import { plain } from './replies.js';

/** Finds an aim group by key or by name, case-insensitively; the error lists the groups there are, or says how to make one. */
export async function findGroup(ctx: TurnContext, said: string): Promise<Group> {
  const wanted = said.trim().toLowerCase();
  const groups = await ctx.store.groups.find({}).toArray();
  const found =
    groups.find((g) => g.key === wanted) ??
    groups.find((g) => g.name.toLowerCase() === wanted) ??
    (wanted.length >= 3 ? groups.find((g) => g.name.toLowerCase().startsWith(wanted)) : undefined);
  if (found) return found;
  const named = `There is no aim group "${plain(said.trim())}"`;
  // With none yet, how to make one: "Groups: none yet." left a new admin guessing (a try-out).
  if (groups.length === 0) {
    // Only an admin makes groups: anyone else is told whom to ask (`join` serves members too; a review).
    const how = ctx.isAdmin
      ? '`group new` makes one (a form), or `group add "<name>"` in one line.'
      : await askAdminsSentence(ctx.store, 'to make one');
    throw new NotFoundError(`${named}: the programme has none yet. ${how}`, 'unknown_group');
  }
  throw new NotFoundError(`${named}. Groups: ${groups.map((g) => `\`${g.key}\``).join(', ')}.`, 'unknown_group');
}

/** Turns a group name into its key: "Permanence milestones" -> "permanence-milestones". */
export function groupKeyFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
