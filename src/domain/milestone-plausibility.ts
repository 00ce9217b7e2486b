import { DateTime } from 'luxon';
import { LAC_REVIEW_KEYS, type MilestoneKey } from './milestone-catalogue.js';

/**
 * When a date is possible but unlikely enough to ask "are you sure?" before saving it. Unlike the
 * order rules (milestone-order.ts) nothing is refused: real journeys do sometimes run this fast, so
 * the person confirms on the usual card, which carries the warning.
 *
 * The rule, from how the stages run in practice:
 * - several stages on one day: a LAC review may recommend permanence on the day it meets, and a
 *   hearing may make a CSO, but three or more stages on the same day is more often a date typed
 *   into the wrong row, so three is where we ask;
 * - within a month of accommodation, for stages that take months: a permanence recommendation,
 *   panel, ADM decision, court application or order, and a third or later LAC review, each follow
 *   assessment work that does not fit in weeks (Scottish guidance aims at months, not days).
 */
export const SAME_DAY_STAGES = 3;
export const MONTH_DAYS = 31;
export const SLOW_STAGES: ReadonlySet<MilestoneKey> = new Set([
  'permanence_recommendation',
  'permanence_panel',
  'adm_decision',
  'application_lodged',
  'order_granted',
  // The third review onwards: reviews follow at months, not weeks.
  ...LAC_REVIEW_KEYS.slice(2),
]);

export type PlausibilityWarning =
  | { kind: 'same_day'; date: string; milestones: MilestoneKey[] }
  | { kind: 'soon_after_accommodation'; days: number; accommodated: string };

/**
 * Whether a new date looks implausibly close to the child's other stages. `held` is every date
 * the child holds (and those said earlier in the same message), milestone → yyyy-mm-dd.
 */
export function plausibilityWarning(
  held: Readonly<Record<MilestoneKey, string>>,
  milestone: MilestoneKey,
  date: string,
): PlausibilityWarning | null {
  const sameDay = Object.entries(held)
    .filter(([key, d]) => key !== milestone && d === date)
    .map(([key]) => key);
  if (sameDay.length + 1 >= SAME_DAY_STAGES) return { kind: 'same_day', date, milestones: [...sameDay, milestone] };
  const accommodated = held.accommodated;
  if (SLOW_STAGES.has(milestone) && accommodated && date >= accommodated) {
    const days = DateTime.fromISO(date).diff(DateTime.fromISO(accommodated), 'days').days;
    if (days < MONTH_DAYS) return { kind: 'soon_after_accommodation', days, accommodated };
  }
  return null;
}
