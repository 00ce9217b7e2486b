import { DateTime } from 'luxon';
import { upcomingMeetings, type Cadence } from '../../../domain/meetings/index.js';
import type { Group } from '../../../store/schemas/group.js';
import type { PromptSchedule } from '../../../store/schemas/prompt.js';

/** A prompt whose moment passed more than this long ago (the service was down) is not sent late. */
export const PROMPT_GRACE_MS = 24 * 60 * 60_000;

/** The group's sub-group meetings as a cadence, or null when none are set. */
export function subgroupCadence(group: Pick<Group, 'subgroupAnchor' | 'subgroupEveryWeeks'>, timeZone: string): Cadence | null {
  if (!group.subgroupAnchor) return null;
  return { anchorDate: group.subgroupAnchor.date, anchorTime: group.subgroupAnchor.time, everyWeeks: group.subgroupEveryWeeks, timeZone };
}

const atLocal = (date: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour, minute, second: 0, millisecond: 0 });
};

/** The schedule's instants from `from` for the next `weeks` weeks, in time order. */
export function promptTimes(schedule: PromptSchedule, group: Pick<Group, 'subgroupAnchor' | 'subgroupEveryWeeks'>, timeZone: string, from: Date, weeks = 8): Date[] {
  const until = DateTime.fromJSDate(from).plus({ weeks }).toJSDate();
  const within = (at: Date) => at >= from && at < until;
  if (schedule.kind === 'once') return within(schedule.at) ? [schedule.at] : [];
  if (schedule.kind === 'every') {
    const start = atLocal(DateTime.fromISO(schedule.startDate, { zone: timeZone }), schedule.time);
    const periods = Math.max(0, Math.floor(DateTime.fromJSDate(from).diff(start, 'weeks').weeks / schedule.everyWeeks) - 1);
    const times: Date[] = [];
    for (let k = periods; k < periods + weeks + 2; k++) times.push(start.plus({ weeks: k * schedule.everyWeeks }).toJSDate());
    return times.filter(within);
  }
  const cadence = subgroupCadence(group, timeZone);
  if (!cadence) return [];
  const meetingsFrom = DateTime.fromJSDate(from).plus({ days: schedule.daysBefore - 1 }).toJSDate();
  return upcomingMeetings(cadence, meetingsFrom, Math.ceil(weeks / cadence.everyWeeks) + 2)
    .map((m) => atLocal(DateTime.fromISO(m.localDate, { zone: timeZone }).minus({ days: schedule.daysBefore }), schedule.time).toJSDate())
    .filter(within);
}

/** The occurrence due at `now`: the latest one at or before it, within the grace period. */
export function dueOccurrence(schedule: PromptSchedule, group: Pick<Group, 'subgroupAnchor' | 'subgroupEveryWeeks'>, timeZone: string, now: Date): Date | null {
  const from = new Date(now.getTime() - PROMPT_GRACE_MS);
  return promptTimes(schedule, group, timeZone, from, 1).filter((at) => at <= now).at(-1) ?? null;
}

/** The next occurrence after `now`, for lists. */
export function nextOccurrence(schedule: PromptSchedule, group: Pick<Group, 'subgroupAnchor' | 'subgroupEveryWeeks'>, timeZone: string, now: Date): Date | null {
  return promptTimes(schedule, group, timeZone, new Date(now.getTime() + 1), 30)[0] ?? null;
}
