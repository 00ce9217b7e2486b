import { DateTime } from 'luxon';
import { NotFoundError, ValidationError } from '../../errors.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
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
    // The child's own reference: it fits the area's pattern, so the line can be copied as it is.
    throw new ValidationError('bad_keep_date', `Give a date ahead, like \`case ${caseRef} keep until 2027-06-30 because awaiting the court date\`.`);
  }
  if (until > DateTime.fromISO(today, { zone: 'utc' }).plus({ years: MAX_KEEP_YEARS }).toISODate()!) {
    throw new ValidationError('bad_keep_date', `A record can be kept at most ${MAX_KEEP_YEARS} years ahead; ask again nearer the time.`);
  }
  const why = reason.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (why.length < 3) {
    throw new ValidationError('no_keep_reason', 'Say why it must be kept: `… because awaiting the court date`.');
  }
  const was = caseRetentionDue(held, ctx.programme);
  // The extension and its audit entry go in one write; the entry is written out right after, or
  // by the repair sweep after a crash (programme/audit/pending-audit.ts).
  await flushPendingAudit(ctx.store, 'cases', [held]);
  const pendingAudit = pendingAuditOf(ctx, {
    entity: 'case',
    entityId: caseRef,
    action: 'retention_extend',
    before: { retentionDue: was },
    after: { keepUntil: until, reason: why },
  });
  const written = await ctx.store.cases.findOneAndUpdate(
    { caseRef, version: held.version },
    { $set: { keepUntil: until, pendingAudit } },
  );
  if (!written) {
    throw new ValidationError('edit_conflict', `Someone changed ${caseRef} at the same moment. Please say it again.`);
  }
  await flushPendingAudit(ctx.store, 'cases', [written]);
  return { was, until };
}
