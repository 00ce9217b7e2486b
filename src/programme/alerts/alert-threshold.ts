import { ValidationError } from '../../errors.js';
import type { Group } from '../../store/schemas/group.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { thresholdKey } from './drift-thresholds.js';

/** A group's alert time stays within a programme's horizon: up to ten years. */
export const MAX_ALERT_WEEKS = 520;

/**
 * Sets (or, with null, removes) a group's own alert time, used instead of the weeks its aim's
 * target names. Audited in the same write; alerts for the old time close at the next run, and
 * children past the new one are alerted once for it.
 */
export async function setAlertThreshold(ctx: ModelContext, group: Group, weeks: number | null): Promise<void> {
  if (weeks !== null && (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_ALERT_WEEKS)) {
    throw new ValidationError('bad_alert_weeks', `Give whole weeks from 1 to ${MAX_ALERT_WEEKS}, e.g. \`alerts ${group.key} after 30 weeks\`.`);
  }
  const key = thresholdKey(group.key);
  const current = await ctx.store.notices.findOne({ key });
  const before = current?.status === 'open' ? { weeks: current.weeks } : null;
  const after = weeks === null ? null : { weeks };
  const pendingAudit = pendingAuditOf(ctx, { entity: 'group', entityId: group.key, action: 'alert_threshold', before, after });
  const set = weeks === null ? { status: 'closed' as const } : { status: 'open' as const, weeks };
  const written = await ctx.store.notices.findOneAndUpdate(
    { key, version: current?.version ?? 0 },
    {
      $set: { ...set, pendingAudit, updatedAt: ctx.now },
      $inc: { version: 1 },
      $setOnInsert: { kind: 'threshold', groupKey: group.key, holderIds: [], round: 0, queuedRound: -1, createdAt: ctx.now },
    },
    { upsert: true },
  ).catch((error: { code?: number }) => {
    if (error.code === 11000) return null;
    throw error;
  });
  if (!written) throw new ValidationError('edit_conflict', 'Someone changed that setting at the same moment. Please try again.');
  await flushPendingAudit(ctx.store, 'notices', [written]);
}
