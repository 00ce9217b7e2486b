import { DateTime } from 'luxon';

/** A cadence of meetings in a programme's time zone; overrides move or skip single occurrences. */
export interface Cadence {
  anchorDate: string; // YYYY-MM-DD, local
  anchorTime: string; // HH:mm, local
  everyWeeks: number;
  timeZone: string;
  overrides?: { from: string; to: string | null }[];
}

export interface Meeting {
  /** The local date the cadence gives; identifies the occurrence even when it is moved. */
  scheduledDate: string;
  /** When it actually happens (a moved meeting keeps its time of day). */
  at: Date;
  localDate: string;
  moved: boolean;
}

/**
 * How many cadence steps a moved meeting may have travelled, either way, so a list looks far enough
 * around `from` to find every meeting that lands in it: twice the furthest move, plus one.
 */
function stepsReached(cadence: Cadence): number {
  const furthest = Math.max(
    0,
    ...(cadence.overrides ?? []).map((o) =>
      o.to === null
        ? 0
        : Math.abs(DateTime.fromISO(o.to).diff(DateTime.fromISO(o.from), 'weeks').weeks),
    ),
  );
  return Math.ceil((2 * furthest) / cadence.everyWeeks) + 1;
}

/**
 * The meetings of a cadence from `from` (inclusive) up to `count` of them, in date order. Dates are
 * computed in local calendar weeks, so 10:00 stays 10:00 across the clocks changing. A meeting moved
 * far ahead must not push the ones in between off the list, so occurrences are gathered well past
 * `count` (as far as any move reaches) before the earliest are kept.
 */
export function upcomingMeetings(cadence: Cadence, from: Date, count = 1): Meeting[] {
  const anchor = localDateTime(cadence, cadence.anchorDate);
  const nowLocal = DateTime.fromJSDate(from, { zone: cadence.timeZone });
  const reach = stepsReached(cadence);
  // Start a little before `from` so a meeting moved later into the window is not missed.
  const weeksSince =
    Math.floor(nowLocal.diff(anchor, 'weeks').weeks / cadence.everyWeeks) - 2 - reach;
  const wanted = count + reach;
  const out: Meeting[] = [];
  for (let k = Math.max(0, weeksSince); out.length < wanted && k < weeksSince + 1000; k++) {
    const scheduled = anchor.plus({ weeks: k * cadence.everyWeeks });
    const scheduledDate = scheduled.toISODate()!;
    const override = cadence.overrides?.find((o) => o.from === scheduledDate);
    if (override && override.to === null) continue; // skipped
    const actual = override ? localDateTime(cadence, override.to!) : scheduled;
    if (actual.toJSDate() < from) continue;
    out.push({ scheduledDate, at: actual.toJSDate(), localDate: actual.toISODate()!, moved: Boolean(override) });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
}

export function nextMeeting(cadence: Cadence, from: Date): Meeting | null {
  return upcomingMeetings(cadence, from, 1)[0] ?? null;
}

/** The most recent meeting strictly before `before`, for "since the last meeting" digests. */
export function previousMeeting(cadence: Cadence, before: Date): Meeting | null {
  const from = DateTime.fromJSDate(before).minus({ weeks: cadence.everyWeeks * 3 }).toJSDate();
  const meetings = upcomingMeetings(cadence, from, 8).filter((m) => m.at < before);
  return meetings.at(-1) ?? null;
}

/** Finds the occurrence a person means by a local date: its scheduled date or the date it was moved to. */
export function occurrenceOn(cadence: Cadence, localDate: string): Meeting | null {
  const day = DateTime.fromISO(localDate, { zone: cadence.timeZone });
  const from = day.minus({ weeks: cadence.everyWeeks }).toJSDate();
  return upcomingMeetings(cadence, from, 4).find((m) => m.localDate === localDate || m.scheduledDate === localDate) ?? null;
}

/** The meeting that takes place on a local day, wherever the cadence first put it; null if none. */
export function meetingOnDay(cadence: Cadence, localDate: string): Meeting | null {
  const dayStart = DateTime.fromISO(localDate, { zone: cadence.timeZone }).startOf('day').toJSDate();
  const [first] = upcomingMeetings(cadence, dayStart, 1);
  return first?.localDate === localDate ? first : null;
}

function localDateTime(cadence: Cadence, isoDate: string): DateTime {
  const [hour, minute] = cadence.anchorTime.split(':').map(Number);
  return DateTime.fromISO(isoDate, { zone: cadence.timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
}
