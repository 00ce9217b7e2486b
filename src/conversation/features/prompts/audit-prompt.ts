import { flushPendingAudit, pendingAuditOf, withoutPendingAudit } from '../../../programme/audit/pending-audit.js';
import type { PendingAudit } from '../../../store/schemas/pending-audit.js';
import type { Prompt } from '../../../store/schemas/prompt.js';
import type { TurnContext } from '../../context.js';

/**
 * The audit entry of a change to a prompt or queued question (who, when, before, after, the event),
 * carried on the prompt in the same write, so a crash before the entry is written is repaired by
 * the sweep rather than leaving a prompt that goes to a channel with no record of who set it.
 */
export function promptAudit(ctx: TurnContext, number: number, action: string, before: Prompt | null, after: unknown): PendingAudit {
  return pendingAuditOf(ctx, {
    entity: 'prompt',
    entityId: `P-${number}`,
    action,
    before: withoutPendingAudit(before),
    after: after ?? null,
  });
}

/** Writes the entry the prompt numbered `number` carries, right after its change. */
export async function flushPromptAudit(ctx: TurnContext, number: number): Promise<void> {
  const prompt = await ctx.store.prompts.findOne({ number });
  if (prompt) await flushPendingAudit(ctx.store, 'prompts', [prompt]);
}
