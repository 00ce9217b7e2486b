import type { Group } from '../../store/schemas/group.js';

export type GroupRole = 'lead' | 'member' | 'coach';

/** The group lists that hold each role, in the order a person's places are said. */
const ROLE_LISTS: readonly [GroupRole, (g: Pick<Group, 'leads' | 'members' | 'coaches'>) => readonly string[]][] = [
  ['lead', (g) => g.leads],
  ['member', (g) => g.members],
  ['coach', (g) => g.coaches ?? []],
];

/**
 * Where someone stands in the groups given: each group with each role they hold there, in the
 * groups' order. A lead is also on the group's member list; "a lead of X, a member of X" said it
 * twice (a phone check), so member is given only when it is their one role there.
 */
export function groupPlaces<G extends Pick<Group, 'leads' | 'members' | 'coaches'>>(
  groups: readonly G[],
  userId: string,
): { group: G; role: GroupRole }[] {
  return groups.flatMap((group) => {
    const held = ROLE_LISTS.filter(([, ids]) => ids(group).includes(userId)).map(([role]) => role);
    const roles = held.length > 1 ? held.filter((role) => role !== 'member') : held;
    return roles.map((role) => ({ group, role }));
  });
}

/**
 * Someone's programme roles and group places in words ("admin", "lead of Permanence"): a programme
 * role a group place already says is not said again ("coach, coach of Permanence"). `name` gives a
 * group's name as the caller shows text.
 */
export function rolesAndPlaces<G extends Pick<Group, 'leads' | 'members' | 'coaches' | 'name'>>(
  roles: readonly string[],
  groups: readonly G[],
  userId: string,
  name: (group: G) => string = (group) => group.name,
): string[] {
  const places = groupPlaces(groups, userId);
  return [...roles.filter((role) => !places.some((p) => p.role === role)), ...places.map(({ group, role }) => `${role} of ${name(group)}`)];
}
