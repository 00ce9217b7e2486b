import type { Filter } from 'mongodb';
import { ValidationError } from '../../errors.js';
import type { PdsaCycle } from '../../store/schemas/pdsa.js';
import type { PendingAudit } from '../../store/schemas/pending-audit.js';
import { flushPendingAudit, pendingAuditOf, withoutPendingAudit } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { cycleId } from './cycle-id.js';

/**
 * The audit entry of a change to a cycle (who, when, before, after, the event), carried on the
 * cycle in the same write and written as an entry right after (see programme/audit/pending-audit.ts),
 * so a crash between the two never leaves a change unaudited.
 */
export function cycleAudit(
  ctx: Pick<ModelContext, 'now' | 'actor' | 'source'>,
  number: number,
  action: string,
  before: PdsaCycle | null,
  after: unknown,
): PendingAudit {
  return pendingAuditOf(ctx, {
    entity: 'pdsa',
    entityId: cycleId(number),
    action,
    before: withoutPendingAudit(before),
    after: (after && typeof after === 'object' ? withoutPendingAudit(after as PdsaCycle) : after) ?? null,
  });
}

/**
 * Writes the entry a cycle carries. Called after each change, and before one: a change never
 * replaces an entry that is still waiting.
 */
export function flushCycleAudit(ctx: Pick<ModelContext, 'store'>, cycle: PdsaCycle | null): Promise<void> {
  return cycle ? flushPendingAudit(ctx.store, 'pdsa', [cycle]) : Promise.resolve();
}

/** Matches the cycle only as it was read: edits are conditional on its version. */
export function asRead(before: PdsaCycle): Filter<PdsaCycle> {
  return { number: before.number, version: before.version };
}

/** The refusal when the cycle changed between reading it and saving the edit. */
export function changedMeanwhile(number: number): ValidationError {
  const id = cycleId(number);
  return new ValidationError(
    'edit_conflict',
    `Someone changed ${id} a moment ago. Have a look with \`pdsa ${id}\`, then try again.`,
  );
}

/** Leaves out absent values: the driver would store `undefined` as null, which the schema refuses. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
