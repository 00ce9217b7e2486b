import { compileCaseRefPattern, findCaseReferences } from '../domain/case-reference.js';
import { ValidationError } from '../errors.js';
import type { TurnContext } from './context.js';

/** The bot's own numbering of tests of change ("T-12"): never a child, whatever an area's pattern. */
const TEST_NUMBER = /^T-\d+$/i;

/**
 * Words typed now that the bot will post in a channel later (a coach's prompt, a digest question).
 * A case reference never goes to a channel, and once queued nobody reads them again before they are
 * posted, so one is refused here, where the coach can still reword it. Typed in a direct message
 * too: where they are typed is not where they go. The refusal never says the reference back.
 */
export function refuseChildForChannel(ctx: TurnContext, words: string, what: string): void {
  const pattern = compileCaseRefPattern(ctx.programme?.caseRefPattern);
  if (!findCaseReferences(words, pattern).some((m) => !TEST_NUMBER.test(m.ref))) return;
  throw new ValidationError(
    'case_ref_for_channel',
    `${what} goes to the group’s channel, and case references never go into a channel. ` +
      'Please say it without the case reference (ask about a child in a direct message), and I’ll keep it.',
  );
}
