import { DateTime } from 'luxon';
import { DEFAULT_CASE_REF_PATTERN } from '../domain/case-reference.js';
import type { Programme } from '../store/schemas/programme.js';
import { addDays, weekday } from './dates.js';

export type DemoProgramme = Omit<Programme, 'workspaceId' | '_id'>;

export const DEMO_TIME_ZONE = 'Europe/London';
const EVERY_WEEKS = 6;

/** Today's date in Glenmoray. */
export function demoToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE }).toISODate()!;
}

/** Three days from today, moved off a weekend to the Monday: a meeting close enough to need a digest. */
export function nextMeetingDate(today: string): string {
  const date = addDays(today, 3);
  const day = weekday(date);
  return day >= 6 ? addDays(date, 8 - day) : date;
}

/** Glenmoray's programme: champions meet every six weeks at 10:00, the next one in a few days. */
export function demoProgramme(today: string, now: Date): DemoProgramme {
  const next = nextMeetingDate(today);
  return {
    name: 'Glenmoray PACE (demo)',
    timeZone: DEMO_TIME_ZONE,
    caseRefPattern: DEFAULT_CASE_REF_PATTERN,
    ruleSet: 'ihi',
    meeting: {
      anchorDate: addDays(next, -7 * EVERY_WEEKS * 8),
      anchorTime: '10:00',
      everyWeeks: EVERY_WEEKS,
      overrides: [],
    },
    digest: { workingDaysBefore: 2, time: '09:00' },
    demo: true,
    createdAt: now,
    updatedAt: now,
  };
}
