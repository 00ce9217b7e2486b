import { DateTime } from 'luxon';
import type { ModelContext } from '../model-context.js';
import { NOTICE_TIME, workingMorningDate } from '../notices/working-morning.js';
import type { AlertViewer } from './alerts-for.js';
import { driftThresholds } from './drift-thresholds.js';
import { findDrift, type Drift } from './find-drift.js';

/** Children past a group's time whose alerts the drift job has not raised yet, and when it will. */
export interface AwaitedAlerts {
  /** One per child and group, longest wait first: only for a direct message, they name children. */
  drifts: Drift[];
  /** When they go out, in words: "on Mon 7 Dec 2026 at 09:00", or "within the next quarter of an hour". */
  when: string;
}

/**
 * When the drift job (every quarter hour, on working mornings from NOTICE_TIME) next raises alerts:
 * within the quarter hour on a working day already past that time, else the next working morning.
 */
export function nextAlertTime(now: Date, timeZone: string): string {
  if (workingMorningDate(now, timeZone)) return 'within the next quarter of an hour';
  const [hour, minute] = NOTICE_TIME.split(':').map(Number);
  let day = DateTime.fromJSDate(now, { zone: timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
  // Before the time on a working day it is today's morning; otherwise the next weekday's.
  if (day.toJSDate() <= now || day.weekday > 5) {
    do day = day.plus({ days: 1 });
    while (day.weekday > 5);
  }
  return `on ${day.toFormat('ccc d LLL yyyy')} at ${NOTICE_TIME}`;
}

/**
 * The children past the time of a group this person leads (any group, for an admin) who have no
 * alert yet, as the drift job would find them: so `alerts` at a weekend or at night says they are
 * coming rather than that there is nothing. A key the job already knows is left out, as it does.
 */
export async function awaitedAlerts(ctx: Pick<ModelContext, 'store' | 'now' | 'programme'>, viewer: AlertViewer): Promise<AwaitedAlerts> {
  const timeZone = ctx.programme?.timeZone ?? 'Europe/London';
  const today = DateTime.fromJSDate(ctx.now, { zone: timeZone }).toISODate()!;
  const thresholds = (await driftThresholds(ctx.store, ctx.now)).filter((t) => viewer.isAdmin || viewer.leadOf.includes(t.group.key));
  if (thresholds.length === 0) return { drifts: [], when: '' };
  const cases = await ctx.store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } }).toArray();
  const drifts = findDrift(cases, thresholds, today);
  if (drifts.length === 0) return { drifts: [], when: '' };
  const known = new Set(await ctx.store.notices.distinct('key', { key: { $in: drifts.map((d) => d.key) } }));
  const awaited = drifts
    .filter((d) => !known.has(d.key))
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.caseRef.localeCompare(b.caseRef));
  return { drifts: awaited, when: awaited.length > 0 ? nextAlertTime(ctx.now, timeZone) : '' };
}
