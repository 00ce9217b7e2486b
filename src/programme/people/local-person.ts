import { ValidationError } from '../../errors.js';
import type { ModelContext } from '../model-context.js';
import { addPerson, type AddedPerson } from './add-person.js';

/** Local people's ids: `local-` and their name, so they read as local anywhere they show. */
export const LOCAL_ID_PREFIX = 'local-';
const NAME = /^[\p{L}][\p{L}\p{M}' .-]{1,59}$/u;

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * The local chat has no directory to look people up in: a person is added by name, and can then be
 * chosen under "You are". Someone with the same name already is returned, not added twice.
 */
export async function addLocalPerson(ctx: ModelContext, said: string): Promise<AddedPerson> {
  const name = said.replace(/^["“]|["”]$/g, '').replace(/\s+/g, ' ').trim();
  if (!NAME.test(name)) {
    throw new ValidationError('bad_person_name', 'Give their name as people know them, e.g. `person add "Sam Lee"` (letters, spaces, hyphens).');
  }
  const people = await ctx.store.members.find({}, { projection: { userId: 1, name: 1 } }).toArray();
  const same = people.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (same) return { member: (await ctx.store.members.findOne({ userId: same.userId }))!, added: false };
  const base = `${LOCAL_ID_PREFIX}${slug(name) || 'person'}`;
  let userId = base;
  for (let n = 2; await ctx.store.members.findOne({ userId }); n++) userId = `${base}-${n}`;
  return addPerson(ctx, { userId, name });
}
