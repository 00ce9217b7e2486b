import { DateTime } from 'luxon';

/** How long a child's record is kept, per programme. */
export interface RetentionRule {
  /** Months after the order is granted (the journey's end). */
  monthsAfterOrder: number;
  /** Months with no new date, for a journey that has stopped without an order. */
  monthsInactive: number;
}

export const DEFAULT_RETENTION: RetentionRule = { monthsAfterOrder: 12, monthsInactive: 24 };

/** Days before the due date that admins are told, so they can extend with a reason. */
export const RETENTION_NOTICE_DAYS = 30;

export interface RetainedCase {
  milestones: Record<string, { actual?: string; planned?: string }>;
  /** The last day anything was recorded about the case (yyyy-mm-dd). */
  lastActivity: string;
  keepUntil?: string;
}

const plusMonths = (iso: string, months: number) =>
  DateTime.fromISO(iso, { zone: 'utc' }).plus({ months }).toISODate()!;

/**
 * The day a case's record is due to be erased: a set time after its order was granted, otherwise
 * a set time after its last activity (a date recorded, or any change). An admin's extension moves
 * it later, never earlier. Pure: dates are ISO days.
 */
export function retentionDue(held: RetainedCase, rule: RetentionRule = DEFAULT_RETENTION): string {
  const order = held.milestones.order_granted?.actual;
  const dates = Object.values(held.milestones).flatMap((d) => [d.actual, d.planned].filter((x): x is string => !!x));
  const last = [held.lastActivity, ...dates].sort().at(-1)!;
  // A planned date counts as activity: a journey with a panel booked ahead is not inactive.
  const due = order ? plusMonths(order, rule.monthsAfterOrder) : plusMonths(last, rule.monthsInactive);
  return held.keepUntil && held.keepUntil > due ? held.keepUntil : due;
}
