import { ValidationError } from '../../../errors.js';
import type { Group } from '../../../store/schemas/group.js';
import { plain } from '../../replies.js';

/** The programme's four stage aims, plus 'all' for ideas that serve the whole journey. */
export const STAGE_AIMS: Record<string, string> = {
  'aim-1': 'Aim 1: children at home on a CSO for 2+ years have their plan reviewed',
  'aim-2': 'Aim 2: accommodation to permanence recommendation',
  'aim-3': 'Aim 3: recommendation to panel and ADM decision',
  'aim-4': 'Aim 4: ADM decision to application lodged',
  all: 'Across the whole journey',
};

/**
 * The stage aims by the part of the journey they cover, for short labels: "Aim 2" meant nothing in an
 * area whose own aim groups are named and numbered otherwise (a try-out saw "Aim 2 · …" offered in a
 * programme with one group, "Permanence").
 */
// Short, as a choice's whole label must fit Slack's 75 characters with the idea's title after it.
const STAGE_SHORT: Record<string, string> = {
  'aim-1': 'Home on a CSO',
  'aim-2': 'To recommendation',
  'aim-3': 'To ADM decision',
  'aim-4': 'To lodging',
};

/** A short label for lists and choice options: the stage's journey, "All aims", or the group's name. */
export function aimShortLabel(aim: string, groups: Pick<Group, 'key' | 'name'>[] = []): string {
  if (aim === 'all') return 'All aims';
  if (Object.hasOwn(STAGE_SHORT, aim)) return STAGE_SHORT[aim]!;
  return groups.find((g) => g.key === aim)?.name ?? aim;
}

/** The heading for an aim: the stage aim's description, or the group's name. */
export function aimHeading(aim: string, groups: Pick<Group, 'key' | 'name'>[] = []): string {
  // A group's key is made from its name, so it may be "constructor": look up own keys only.
  return (Object.hasOwn(STAGE_AIMS, aim) ? STAGE_AIMS[aim] : undefined) ?? `${aimShortLabel(aim, groups)} (group's own ideas)`;
}

/**
 * Reads how people name an aim: "2", "aim 2", "aim-2", its short label ("to recommendation"), "all",
 * or an aim group's key or name.
 * Returns the stored form ('aim-2', 'all', or the group key).
 */
export function parseAim(said: string, groups: Pick<Group, 'key' | 'name'>[]): string {
  const wanted = said.trim().toLowerCase().replace(/\s+/g, ' ');
  const stage = /^(?:aim[ -]?)?([1-4])$/.exec(wanted);
  if (stage) return `aim-${stage[1]}`;
  if (wanted === 'all' || wanted === 'all aims') return 'all';
  // The short labels the choices show ("To recommendation") name their aim too.
  const labelled = Object.entries(STAGE_SHORT).find(([, label]) => label.toLowerCase() === wanted);
  if (labelled) return labelled[0];
  const group = groups.find((g) => g.key === wanted || g.name.toLowerCase() === wanted);
  if (group) return group.key;
  const groupKeys = groups.map((g) => `\`${g.key}\``).join(', ');
  throw new ValidationError(
    'unknown_aim',
    `I don't know the aim "${plain(said.trim())}". Say \`aim 1\` to \`aim 4\` (${Object.values(STAGE_SHORT).map((l) => l.toLowerCase()).join(', ')}), \`aim all\`${groupKeys ? `, or a group: ${groupKeys}` : ''}.`,
    { field: 'aim' },
  );
}
