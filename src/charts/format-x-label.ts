import { DateTime } from 'luxon';

const monthPattern = /^\d{4}-\d{2}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Shows a period label the way UK teams write it: 'YYYY-MM' becomes 'Oct 25' on an axis and
 * 'October 2025' in alt text; an ISO date becomes '3 Oct 25' / '3 October 2025'. Anything else
 * (a case reference) is shown as given.
 */
export function formatXLabel(label: string, style: 'short' | 'long' = 'short'): string {
  // A digest formats the same few dozen month labels again for every chart, table and alt text;
  // luxon's parse and format were half of its date work (issue 15). The cache is bounded.
  const key = `${style}|${label}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  if (formatted.size >= CACHE_LIMIT) formatted.clear();
  const shown = format(label, style);
  formatted.set(key, shown);
  return shown;
}

const CACHE_LIMIT = 10_000;
const formatted = new Map<string, string>();

function format(label: string, style: 'short' | 'long'): string {
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
