import { DateTime } from 'luxon';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  labelMidSentence,
  type MilestoneCatalogue,
  type MilestoneKey,
} from './milestone-catalogue.js';

/** `earlier` must not come after `later` (the same day is allowed). */
export interface MilestoneOrderPair {
  earlier: MilestoneKey;
  later: MilestoneKey;
}

/**
 * A milestone already recorded for the child that the new date would contradict.
 * `relation` says where the new date falls: 'before' a milestone it must not precede, or 'after'
 * a milestone that must not precede it.
 */
export interface MilestoneOrderConflict {
  milestone: MilestoneKey;
  date: string;
  relation: 'before' | 'after';
}

/** The direct "must not precede" pairs of a catalogue, in catalogue order. */
export function expectedOrder(catalogue: MilestoneCatalogue): MilestoneOrderPair[] {
  return catalogue.flatMap((m) => m.notBefore.map((earlier) => ({ earlier, later: m.key })));
}

/**
 * Milestones reachable from `key` by following `step`, nearest first, so the conflict we report is
 * the most direct one (accommodated before LAC review, rather than a chain of three).
 */
function reachable(key: MilestoneKey, step: (k: MilestoneKey) => MilestoneKey[]): MilestoneKey[] {
  const seen = new Set<MilestoneKey>([key]);
  const order: MilestoneKey[] = [];
  let frontier = [key];
  while (frontier.length > 0) {
    const next: MilestoneKey[] = [];
    for (const k of frontier) {
      for (const n of step(k)) {
        if (seen.has(n)) continue;
        seen.add(n);
        order.push(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return order;
}

/**
 * Checks a new milestone date against the child's other recorded dates (ISO yyyy-mm-dd), following
 * the catalogue's expected order transitively. Returns the conflict to name in a refusal, or null.
 */
export function checkMilestoneOrder(
  existing: Record<MilestoneKey, string>,
  key: MilestoneKey,
  date: string,
  catalogue: MilestoneCatalogue = DEFAULT_MILESTONE_CATALOGUE,
): { conflict: MilestoneOrderConflict } | null {
  const pairs = expectedOrder(catalogue);
  const mustPrecede = (k: MilestoneKey) => pairs.filter((p) => p.later === k).map((p) => p.earlier);
  const mustFollow = (k: MilestoneKey) => pairs.filter((p) => p.earlier === k).map((p) => p.later);

  // ISO dates compare correctly as strings.
  for (const earlier of reachable(key, mustPrecede)) {
    const theirs = existing[earlier];
    if (theirs && date < theirs)
      return { conflict: { milestone: earlier, date: theirs, relation: 'before' } };
  }
  for (const later of reachable(key, mustFollow)) {
    const theirs = existing[later];
    if (theirs && date > theirs)
      return { conflict: { milestone: later, date: theirs, relation: 'after' } };
  }
  return null;
}

/**
 * A refusal that names both milestones and the other milestone's date, e.g. for a chat reply.
 * `given` says that date came in the same message rather than from the store: it is then not
 * "recorded", and there is nothing stored to correct first.
 */
export function describeOrderConflict(
  key: MilestoneKey,
  date: string,
  conflict: MilestoneOrderConflict,
  catalogue: MilestoneCatalogue = DEFAULT_MILESTONE_CATALOGUE,
  { given = false }: { given?: boolean } = {},
): string {
  const label = (k: MilestoneKey) => catalogue.find((m) => m.key === k)?.label ?? k;
  const day = (iso: string) => DateTime.fromISO(iso).setLocale('en-GB').toFormat('d MMM yyyy');
  const rule = `${label(key)} can’t come ${conflict.relation} ${labelMidSentence(label(conflict.milestone))}`;
  if (given) {
    return (
      `${rule}, which you gave as ${day(conflict.date)}; you gave ${day(date)} for ` +
      `${labelMidSentence(label(key))}. Please check both dates and send them again.`
    );
  }
  return (
    `${rule}, which is recorded as ${day(conflict.date)}; you gave ${day(date)}. ` +
    'Please check both dates — if the recorded one is wrong, correct it first.'
  );
}
