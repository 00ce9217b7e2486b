import { DateTime } from 'luxon';
import { ValidationError } from '../../../errors.js';
import type { PromptSchedule } from '../../../store/schemas/prompt.js';
import { parseLocalDate } from '../meetings/parse-local-date.js';

const DEFAULT_TIME = '09:00';
const time = (hour?: string, minute?: string) => (hour ? `${hour.padStart(2, '0')}:${minute ?? '00'}` : DEFAULT_TIME);

const BEFORE = /^(\d{1,2})\s+days?\s+before\s+(?:each|every)\s+(?:sub-?group\s+)?meeting(?:\s+at\s+(\d{1,2})[:.](\d{2}))?$/i;
const EVERY = /^every\s+(?:(\d{1,2})\s+)?weeks?\s+(?:from|starting)\s+(.+)$/i;
const WEEKDAY = /^every\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+at\s+(\d{1,2})[:.](\d{2}))?$/i;

export const SCHEDULE_EXAMPLES =
  '`on 3 Dec 2026 09:30`, `every 2 weeks from 7 Dec 2026 09:00`, `every Monday at 09:00` or `2 days before each meeting at 09:00`';

/**
 * When a coach wants a prompt sent, in their words: once on a date, every n weeks from a date, every
 * weekday, or n days before each of the group's sub-group meetings. Times are local; 09:00 if none.
 */
export function parseSchedule(said: string, now: Date, timeZone: string): PromptSchedule {
  const words = said.trim().replace(/\s+/g, ' ');
  const before = BEFORE.exec(words);
  if (before) return { kind: 'before_meeting', daysBefore: Number(before[1]), time: time(before[2], before[3]) };
  const weekday = WEEKDAY.exec(words);
  if (weekday) {
    const today = DateTime.fromJSDate(now, { zone: timeZone });
    const target = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(weekday[1]!.toLowerCase()) + 1;
    const first = today.plus({ days: (target - today.weekday + 7) % 7 });
    return { kind: 'every', everyWeeks: 1, startDate: first.toISODate()!, time: time(weekday[2], weekday[3]) };
  }
  const every = EVERY.exec(words);
  if (every) {
    const start = parseLocalDate(every[2]!, now, timeZone);
    if (!start) throw new ValidationError('bad_schedule', `I couldn't read the first date. Say when, e.g. ${SCHEDULE_EXAMPLES}.`);
    return { kind: 'every', everyWeeks: Number(every[1] ?? 1), startDate: start.date, time: start.time ?? DEFAULT_TIME };
  }
  const once = parseLocalDate(words.replace(/^(?:on|at)\s+/i, ''), now, timeZone);
  if (!once) throw new ValidationError('bad_schedule', `I couldn't read when to send it. Say e.g. ${SCHEDULE_EXAMPLES}.`);
  const [hour, minute] = (once.time ?? DEFAULT_TIME).split(':').map(Number);
  const at = DateTime.fromISO(once.date, { zone: timeZone }).set({ hour, minute }).toJSDate();
  if (at <= now) throw new ValidationError('schedule_past', 'That time has passed. Give a time to come.');
  return { kind: 'once', at };
}
