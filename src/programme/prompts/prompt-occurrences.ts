import { DateTime } from 'luxon';
import { upcomingMeetings, type Cadence } from '../../domain/meetings/index.js';
import type { Group } from '../../store/schemas/group.js';
import type { PromptSchedule } from '../../store/schemas/prompt.js';

/** A prompt whose moment passed more than this long ago (the service was down) is not sent late. */
export const PROMPT_GRACE_MS = 24 * 60 * 60_000;

type Meets = Pick<Group, 'subgroupAnchor' | 'subgroupEveryWeeks'>;

/** The group's sub-group meetings as a cadence, or null when none are set. */
export function subgroupCadence(group: Meets, timeZone: string): Cadence | null {
  const anchor = group.subgroupAnchor;
  if (!anchor) return null;
  const everyWeeks = group.subgroupEveryWeeks;
  return { anchorDate: anchor.date, anchorTime: anchor.time, everyWeeks, timeZone };
}

const atLocal = (date: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour, minute, second: 0, millisecond: 0 });
};

type Every = Extract<PromptSchedule, { kind: 'every' }>;

function everyTimes(schedule: Every, zone: string, from: Date, weeks: number): Date[] {
  const start = atLocal(DateTime.fromISO(schedule.startDate, { zone }), schedule.time);
  const since = DateTime.fromJSDate(from).diff(start, 'weeks').weeks;
  const first = Math.max(0, Math.floor(since / schedule.everyWeeks) - 1);
  const times: Date[] = [];
  for (let k = first; k < first + weeks + 2; k++) {
    times.push(start.plus({ weeks: k * schedule.everyWeeks }).toJSDate());
  }
  return times;
}

/** The schedule's instants from `from` for the next `weeks` weeks, in time order. */
export function promptTimes(
  schedule: PromptSchedule,
  group: Meets,
  zone: string,
  from: Date,
  weeks = 8,
): Date[] {
  const until = DateTime.fromJSDate(from).plus({ weeks }).toJSDate();
  const within = (at: Date) => at >= from && at < until;
  if (schedule.kind === 'once') return within(schedule.at) ? [schedule.at] : [];
  if (schedule.kind === 'every') return everyTimes(schedule, zone, from, weeks).filter(within);
  const cadence = subgroupCadence(group, zone);
  if (!cadence) return [];
  // Meetings from a day short of `daysBefore` after `from`: their prompts may fall on `from`'s day.
  const meetingsFrom = DateTime.fromJSDate(from).plus({ days: schedule.daysBefore - 1 }).toJSDate();
  const count = Math.ceil(weeks / cadence.everyWeeks) + 2;
  return upcomingMeetings(cadence, meetingsFrom, count)
    .map((m) => DateTime.fromISO(m.localDate, { zone }).minus({ days: schedule.daysBefore }))
    .map((day) => atLocal(day, schedule.time).toJSDate())
    .filter(within);
}

/** The occurrence due at `now`: the latest one at or before it, within the grace period. */
export function dueOccurrence(
  schedule: PromptSchedule,
  group: Meets,
  zone: string,
  now: Date,
): Date | null {
  const from = new Date(now.getTime() - PROMPT_GRACE_MS);
  return promptTimes(schedule, group, zone, from, 1).filter((at) => at <= now).at(-1) ?? null;
}

/** The next occurrence after `now`, for lists. */
export function nextOccurrence(
  schedule: PromptSchedule,
  group: Meets,
  zone: string,
  now: Date,
): Date | null {
  return promptTimes(schedule, group, zone, new Date(now.getTime() + 1), 30)[0] ?? null;
}
