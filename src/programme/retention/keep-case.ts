import { DateTime } from 'luxon';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { ModelContext } from '../model-context.js';
import { caseRetentionDue } from './retention-of.js';

/** An extension may not reach further than this: retention is a rule, not a way round it. */
const MAX_KEEP_YEARS = 5;

/**
 * Keeps a case past its retention date, until `until`, for an audited reason. Returns the due date
 * the rule gave and the new one.
 */
export async function keepCase(
  ctx: ModelContext,
  caseRef: string,
  until: string,
  reason: string,
): Promise<{ was: string; until: string }> {
  const held = await ctx.store.cases.findOne({ caseRef });
  if (!held) throw new NotFoundError(`No case ${caseRef} yet.`);
  const day = DateTime.fromISO(until, { zone: 'utc' });
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.programme?.timeZone ?? 'Europe/London' }).toISODate()!;
  if (!day.isValid || until <= today) {
    throw new ValidationError('bad_keep_date', 'Give a date ahead, like `case C1042 keep until 2027-06-30 because awaiting the court date`.');
  }
  if (until > DateTime.fromISO(today, { zone: 'utc' }).plus({ years: MAX_KEEP_YEARS }).toISODate()!) {
    throw new ValidationError('bad_keep_date', `A record can be kept at most ${MAX_KEEP_YEARS} years ahead; ask again nearer the time.`);
  }
  const why = reason.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (why.length < 3) {
    throw new ValidationError('no_keep_reason', 'Say why it must be kept: `… because awaiting the court date`.');
  }
  const was = caseRetentionDue(held, ctx.programme);
  await ctx.store.cases.updateOne({ caseRef, version: held.version }, { $set: { keepUntil: until, updatedAt: held.updatedAt } });
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'case',
    entityId: caseRef,
    action: 'retention_extend',
    before: { retentionDue: was },
    after: { keepUntil: until, reason: why },
    source: { platform: ctx.source().platform, eventId: ctx.source().eventId },
    at: ctx.now,
  });
  return { was, until };
}
