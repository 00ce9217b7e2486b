import { DateTime } from 'luxon';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import type { MilestoneSettings } from './milestone-settings.js';

/**
 * The date rules the sentence parser applies, for a date picked in the Edit form: a date that has
 * not come yet must be planned, a planned one must be ahead, and neither implausibly far away.
 */
export function dateProblem(
  record: MilestoneRecord,
  settings: Pick<MilestoneSettings, 'today' | 'maxYearsBack' | 'maxYearsAhead'>,
): { field: 'date' | 'status'; message: string } | null {
  const { date, planned } = record;
  const today = DateTime.fromISO(settings.today, { zone: 'utc' });
  const earliest = today.minus({ years: settings.maxYearsBack }).toISODate()!;
  const latest = today.plus({ years: settings.maxYearsAhead }).toISODate()!;
  if (date < earliest) return { field: 'date', message: `That is more than ${settings.maxYearsBack} years ago — please check the year.` };
  if (date > latest) return { field: 'date', message: `That is more than ${settings.maxYearsAhead} years ahead — please check the year.` };
  if (!planned && date > settings.today) return { field: 'date', message: 'That date is in the future. If it is booked, choose “Planned”.' };
  if (planned && date <= settings.today) return { field: 'status', message: 'A planned date must be after today. If it took place, choose “Happened”.' };
  return null;
}
