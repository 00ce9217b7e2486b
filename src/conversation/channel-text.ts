import { compileCaseRefPattern, replaceCaseReferences } from '../domain/case-reference.js';
import type { TurnContext } from './context.js';
import { mayNameChildren } from './may-name-children.js';

/** What stands where a case reference was, as in the channel digest and the meeting pack. */
export const CASE_IN_CHANNEL = '[case]';

/**
 * Words people typed (a test's title or notes, a reason kept with a chart) made fit for where the
 * reply goes: in a channel, each case reference is replaced by [case]. Typed in a direct message,
 * such words rightly name a child; shown later in a channel they would make the whole reply be held
 * back (channel-privacy.ts), so a test or a chart became unreadable there (a phone try-out).
 */
export function wordsFor(ctx: Pick<TurnContext, 'turn' | 'programme'>): (typed: string) => string {
  if (mayNameChildren(ctx.turn)) return (typed) => typed;
  const pattern = compileCaseRefPattern(ctx.programme?.caseRefPattern);
  return (typed) => replaceCaseReferences(typed, pattern, CASE_IN_CHANNEL);
}
