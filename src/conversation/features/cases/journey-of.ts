import type { MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import type { MilestoneDates } from '../../../store/schemas/case.js';
import { daysFrom } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';

export interface ReachedMilestone {
  key: string;
  label: string;
  date: string;
  /** Days since the milestone reached before it, and which that was. */
  since?: { key: string; days: number };
}

export interface JourneyView {
  reached: ReachedMilestone[];
  planned: { key: string; label: string; date: string }[];
  /** The latest milestone reached and how long the child has waited since. */
  stage?: { key: string; date: string; waitingDays: number; complete: boolean };
}

// Once the order is granted, permanence is secured: nobody is waiting any more.
const JOURNEY_END = new Set(['order_granted']);

/**
 * A child's journey in the order it happened (by date; on the same day, in catalogue order), each
 * step with the interval since the one before; planned dates after, soonest first.
 */
export function journeyOf(
  milestones: Record<string, MilestoneDates>,
  catalogue: MilestoneCatalogue,
  today: string,
): JourneyView {
  const rank = (key: string) =>
    catalogue.find((m) => m.key === key)?.order ?? Number.MAX_SAFE_INTEGER;
  const entries = Object.entries(milestones);
  const point = (key: string, date: string) => ({ key, label: labelOf(catalogue, key), date });
  const sorted = entries
    .flatMap(([key, d]) => (d.actual ? [point(key, d.actual)] : []))
    .sort((a, b) => a.date.localeCompare(b.date) || rank(a.key) - rank(b.key));
  const reached = sorted.map((m, i): ReachedMilestone => {
    const previous = sorted[i - 1];
    if (!previous) return m;
    return { ...m, since: { key: previous.key, days: daysFrom(previous.date, m.date) } };
  });
  const planned = entries
    .flatMap(([key, d]) => (d.planned && !d.actual ? [point(key, d.planned)] : []))
    .sort((a, b) => a.date.localeCompare(b.date));
  const last = reached.at(-1);
  if (!last) return { reached, planned };
  const stage = {
    key: last.key,
    date: last.date,
    waitingDays: Math.max(0, daysFrom(last.date, today)),
    complete: JOURNEY_END.has(last.key),
  };
  return { reached, planned, stage };
}
