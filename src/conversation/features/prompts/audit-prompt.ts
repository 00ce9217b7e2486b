import type { TurnContext } from '../../context.js';

/** Every change to a prompt or queued question leaves who, when, before, after and the message. */
export function auditPrompt(
  ctx: TurnContext,
  number: number,
  action: string,
  before: unknown,
  after: unknown,
) {
  return ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'prompt',
    entityId: `P-${number}`,
    action,
    before: before ?? null,
    after: after ?? null,
    source: ctx.source(),
  });
}
