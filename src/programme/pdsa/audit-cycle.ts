import type { Filter } from 'mongodb';
import { ValidationError } from '../../errors.js';
import type { PdsaCycle } from '../../store/schemas/pdsa.js';
import type { ModelContext } from '../model-context.js';
import { cycleId } from './cycle-id.js';

/** Every write to a cycle leaves who, when, before, after and the message or form that caused it. */
export function auditCycle(
  ctx: ModelContext,
  number: number,
  action: string,
  before: PdsaCycle | null,
  after: unknown,
) {
  return ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'pdsa',
    entityId: cycleId(number),
    action,
    before,
    after: after ?? null,
    source: ctx.source(),
    at: ctx.now,
  });
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
