import { DateTime } from 'luxon';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { labelOf } from './milestone-settings.js';

/** "Sat 3 Oct 2026": the weekday helps a reader catch a slip of one day. */
export function dayLabel(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** Whole days between two ISO dates (negative when `to` comes first). */
export function daysFrom(from: string, to: string): number {
  const [a, b] = [from, to].map((d) => DateTime.fromISO(d, { zone: 'utc' }));
  return Math.round(b!.diff(a!, 'days').days);
}

/**
 * An interval as a team reads it: days, with weeks beside them once it is a fortnight or more
 * (the measures are in weeks, the diary in days): "41 days (5.9 weeks)".
 */
export function intervalText(days: number): string {
  if (days === 0) return 'the same day';
  if (days === 1) return '1 day';
  if (days < 14) return `${days} days`;
  const weeks = Math.round((days / 7) * 10) / 10;
  return `${days} days (${Number.isInteger(weeks) ? weeks : weeks.toFixed(1)} weeks)`;
}

/** Whole weeks, for "waiting 6 weeks": under two weeks it says days. */
export function waitText(days: number): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  return `${Math.floor(days / 7)} weeks`;
}

// "from accommodation to panel" reads better than "from accommodated to permanence panel".
const NOUNS: Record<string, string> = { accommodated: 'accommodation' };

/** A milestone as a point in a sentence: "accommodation", "permanence panel". */
export function milestoneNoun(catalogue: MilestoneCatalogue, key: string): string {
  const label = labelOf(catalogue, key);
  const lower = label.toLowerCase();
  // The label may be a tracker heading such as "Constructor": own keys only.
  return (Object.hasOwn(NOUNS, lower) ? NOUNS[lower] : undefined) ?? labelMidSentence(label);
}
