import { DateTime } from 'luxon';
import { ValidationError } from '../../../errors.js';
import type { PromptSchedule } from '../../../store/schemas/prompt.js';
import { parseLocalDate } from '../meetings/parse-local-date.js';

const DEFAULT_TIME = '09:00';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const AT = String.raw`(?:\s+at\s+(\d{1,2})[:.](\d{2}))?`;
const BEFORE = new RegExp(
  String.raw`^(\d{1,2})\s+days?\s+before\s+(?:each|every)\s+(?:sub-?group\s+)?meeting${AT}$`,
  'i',
);
const EVERY = /^every\s+(?:(\d{1,2})\s+)?weeks?\s+(?:from|starting)\s+(.+)$/i;
const WEEKDAY = new RegExp(`^every\\s+(${WEEKDAYS.join('|')})${AT}$`, 'i');

const time = (hour?: string, minute?: string) =>
  hour ? `${hour.padStart(2, '0')}:${minute ?? '00'}` : DEFAULT_TIME;

export const SCHEDULE_EXAMPLES =
  '`on 3 Dec 2026 09:30`, `every 2 weeks from 7 Dec 2026 09:00`, `every Monday at 09:00` ' +
  'or `2 days before each meeting at 09:00`';

function refuse(code: string, what: string): never {
  throw new ValidationError(code, `${what} Say when, e.g. ${SCHEDULE_EXAMPLES}.`);
}

/** "every Monday at 09:00": weekly from the next Monday (today, if it is one). */
function weekly(match: RegExpExecArray, now: Date, timeZone: string): PromptSchedule {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const target = WEEKDAYS.indexOf(match[1]!.toLowerCase()) + 1;
  const first = today.plus({ days: (target - today.weekday + 7) % 7 });
  const startDate = first.toISODate()!;
  return { kind: 'every', everyWeeks: 1, startDate, time: time(match[2], match[3]) };
}

/**
 * When a coach wants a prompt sent, in their words: once on a date, every n weeks from a date,
 * every weekday, or n days before each of the group's sub-group meetings. Times are local; 09:00
 * if none is said.
 */
export function parseSchedule(said: string, now: Date, timeZone: string): PromptSchedule {
  const words = said.trim().replace(/\s+/g, ' ');
  const before = BEFORE.exec(words);
  if (before) {
    const daysBefore = Number(before[1]);
    return { kind: 'before_meeting', daysBefore, time: time(before[2], before[3]) };
  }
  const weekday = WEEKDAY.exec(words);
  if (weekday) return weekly(weekday, now, timeZone);
  const every = EVERY.exec(words);
  if (every) {
    const start = parseLocalDate(every[2]!, now, timeZone);
    if (!start) refuse('bad_schedule', "I couldn't read the first date.");
    const everyWeeks = Number(every[1] ?? 1);
    return { kind: 'every', everyWeeks, startDate: start.date, time: start.time ?? DEFAULT_TIME };
  }
  const once = parseLocalDate(words.replace(/^(?:on|at)\s+/i, ''), now, timeZone);
  if (!once) refuse('bad_schedule', "I couldn't read when to send it.");
  const [hour, minute] = (once.time ?? DEFAULT_TIME).split(':').map(Number);
  const at = DateTime.fromISO(once.date, { zone: timeZone }).set({ hour, minute }).toJSDate();
  if (at <= now) {
    throw new ValidationError('schedule_past', 'That time has passed. Give a time to come.');
  }
  return { kind: 'once', at };
}
