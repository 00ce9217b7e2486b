import { DateTime } from 'luxon';

const monthPattern = /^\d{4}-\d{2}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Shows a period label the way UK teams write it: 'YYYY-MM' becomes 'Oct 25' on an axis and
 * 'October 2025' in alt text; an ISO date becomes '3 Oct 25' / '3 October 2025'. Anything else
 * (a case reference) is shown as given.
 */
export function formatXLabel(label: string, style: 'short' | 'long' = 'short'): string {
  if (monthPattern.test(label)) {
    const month = DateTime.fromFormat(label, 'yyyy-MM', { locale: 'en-GB', zone: 'utc' });
    if (month.isValid) return month.toFormat(style === 'short' ? 'LLL yy' : 'LLLL yyyy');
  }
  if (datePattern.test(label)) {
    const date = DateTime.fromISO(label, { locale: 'en-GB', zone: 'utc' });
    if (date.isValid) return date.toFormat(style === 'short' ? 'd LLL yy' : 'd LLLL yyyy');
  }
  return label;
}
