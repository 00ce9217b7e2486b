import type { Group } from '../../store/schemas/group.js';

/**
 * The weeks an aim's target names — "12 weeks", "90% within 26 weeks", "within 1 week" — or null
 * when it names none. The one reader of an aim's time: overdue, waiting at, alerts, the digest's
 * "still waiting after" and the meeting pack all go by it, so they never disagree.
 */
export function aimWeeks(group: Pick<Group, 'aim'>): number | null {
  const match = group.aim ? /(?<![\d.])(\d{1,3})\s*weeks?\b/i.exec(group.aim.target) : null;
  const weeks = match ? Number(match[1]) : 0;
  return weeks > 0 ? weeks : null;
}

/**
 * Groups whose aim names a time in weeks but no key measure: the weeks are known, the stage they
 * time is not, so nothing can be overdue or alerted for them until a key measure is chosen.
 */
export function weeksAimsWithoutStage<G extends Pick<Group, 'aim'>>(groups: readonly G[]): G[] {
  return groups.filter((g) => aimWeeks(g) !== null && !g.aim?.measureKey);
}
