import { DateTime } from 'luxon';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import type { MilestoneSettings } from '../../../programme/cases/milestone-settings.js';

type DateLimits = Pick<MilestoneSettings, 'today' | 'maxYearsBack' | 'maxYearsAhead'>;

/**
 * The date rules the sentence parser applies, for a date picked in the Edit form: a date that has
 * not come yet must be planned, a planned one must be ahead, and neither implausibly far away.
 */
export function dateProblem(
  { date, planned }: MilestoneRecord,
  { today, maxYearsBack, maxYearsAhead }: DateLimits,
): { field: 'date' | 'status'; message: string } | null {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  const tooFar = (what: string) => ({
    field: 'date' as const,
    message: `That is more than ${what} — please check the year.`,
  });
  const earliest = day.minus({ years: maxYearsBack }).toISODate()!;
  const latest = day.plus({ years: maxYearsAhead }).toISODate()!;
  if (date < earliest) return tooFar(`${maxYearsBack} years ago`);
  if (date > latest) return tooFar(`${maxYearsAhead} years ahead`);
  if (!planned && date > today) {
    const message = 'That date is in the future. If it is booked, choose “Planned”.';
    return { field: 'date', message };
  }
  if (planned && date <= today) {
    const message = 'A planned date must be after today. If it took place, choose “Happened”.';
    return { field: 'status', message };
  }
  return null;
}
