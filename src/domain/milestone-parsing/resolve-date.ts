import { DateTime } from 'luxon';
import type { CalendarMention, DateMention, WeekdayMention } from './date-mention.js';

export type Resolution = { ok: true; date: DateTime } | { ok: false; reason: 'invalid' | 'vague' };

/**
 * How to choose among the possible days a mention can mean:
 * - `past`: the most recent on or before today ("accommodated 3 Oct", "held on Monday");
 * - `nearest`: the closest either side, ties to the future ("panel booked for 12 Dec" in
 *   November is this December, "booked for 3 Oct" in November is the one just gone);
 * - `upcoming`: the first on or after today ("panel is on Monday");
 * - `before_today` / `after_today`: strictly ("last Thursday" said on a Thursday is a week ago).
 */
type Pick = 'past' | 'nearest' | 'upcoming' | 'before_today' | 'after_today';

function pick(candidates: DateTime[], today: DateTime, how: Pick): DateTime | null {
  const sorted = candidates.filter((c) => c.isValid).sort((a, b) => a.toMillis() - b.toMillis());
  if (sorted.length === 0) return null;
  const onOrBefore = sorted.filter((c) => c <= today);
  const onOrAfter = sorted.filter((c) => c >= today);
  switch (how) {
    case 'past':
      // With nothing on or before today the date is in the future: say so rather than guess.
      return onOrBefore.at(-1) ?? sorted[0]!;
    case 'before_today':
      return sorted.filter((c) => c < today).at(-1) ?? null;
    case 'after_today':
      return sorted.find((c) => c > today) ?? null;
    case 'upcoming':
      return onOrAfter[0] ?? null;
    case 'nearest': {
      const distance = (c: DateTime) => Math.abs(c.diff(today, 'days').days);
      const after = onOrAfter[0];
      const before = onOrBefore.at(-1);
      if (!after) return before ?? null;
      if (!before) return after;
      return distance(after) <= distance(before) ? after : before;
    }
  }
}

function calendarCandidates(m: CalendarMention, today: DateTime): DateTime[] {
  const zone = today.zone;
  const at = (year: number, month: number) =>
    DateTime.fromObject({ year, month, day: m.day }, { zone });
  if (m.month !== undefined && m.year !== undefined) return [at(m.year, m.month)];
  if (m.month !== undefined) {
    // The year meant is this one, or the one either side (a date just gone at New Year, a booking
    // just after it). A day that does not exist then, like 29 February in 2026, is refused rather
    // than moved to a year nobody meant.
    return [-1, 0, 1].map((i) => at(today.year + i, m.month!));
  }
  return Array.from({ length: 27 }, (_, i) => today.plus({ months: i - 13 })).map((d) =>
    at(d.year, d.month),
  );
}

function weekdayCandidates(m: WeekdayMention, today: DateTime): DateTime[] {
  return Array.from({ length: 15 }, (_, i) => today.plus({ days: i - 7 })).filter(
    (d) => d.weekday === m.weekday,
  );
}

/** The day a mention means, given today (start of day in the programme's zone). */
export function resolveDate(mention: DateMention, today: DateTime, planning: boolean): Resolution {
  if (mention.kind === 'vague') return { ok: false, reason: 'vague' };
  let date: DateTime | null;
  if (mention.kind === 'calendar') {
    date = pick(calendarCandidates(mention, today), today, planning ? 'nearest' : 'past');
  } else if (mention.modifier === 'next' && mention.nextIso) {
    date = DateTime.fromISO(mention.nextIso, { zone: today.zone });
  } else {
    const how: Record<WeekdayMention['modifier'], Pick> = {
      last: 'before_today',
      next: 'after_today',
      coming: 'after_today',
      plain: planning ? 'upcoming' : 'past',
    };
    date = pick(weekdayCandidates(mention, today), today, how[mention.modifier]);
  }
  return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
}
