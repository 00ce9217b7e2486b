import type { ModelContext } from '../model-context.js';
import type { CaseState } from './write-case.js';

/**
 * Where a case change came from. `text` is what was understood, never the message itself
 * (see pending-records.ts).
 */
export interface CaseChangeSource {
  platform: string;
  eventId: string;
  text?: string;
}

/** One audit entry per case and change: who, when, the milestones before and after, and why. */
export function auditCase(
  ctx: ModelContext,
  caseRef: string,
  action: 'record' | 'undo' | 'export' | 'erase',
  before: CaseState | null,
  after: (CaseState & { undoes?: string }) | Record<string, unknown> | null,
  source: CaseChangeSource,
) {
  return ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'case',
    entityId: caseRef,
    action,
    before,
    after,
    source,
    at: ctx.now,
  });
}
