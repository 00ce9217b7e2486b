import { DateTime } from 'luxon';
import type { ModelContext } from './model-context.js';

/** Today's date where the programme is (a form filled at 00:30 in London is still that day there). */
export function localToday(ctx: Pick<ModelContext, 'now' | 'programme'>): string {
  return DateTime.fromJSDate(ctx.now, {
    zone: ctx.programme?.timeZone ?? 'Europe/London',
  }).toISODate()!;
}

/** "3 Oct 2026" from an ISO date, for cards. */
export function shortDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('d LLL yyyy');
}

/** The programme-local date of an instant, as "3 Oct 2026". */
export function shortDateOf(at: Date, ctx: Pick<ModelContext, 'programme'>): string {
  return DateTime.fromJSDate(at, { zone: ctx.programme?.timeZone ?? 'Europe/London' }).toFormat(
    'd LLL yyyy',
  );
}
