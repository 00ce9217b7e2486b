import { compileCaseRefPattern, findCaseReferences } from '../domain/case-reference.js';
import { ValidationError } from '../errors.js';
import type { Programme } from '../store/schemas/programme.js';

/** The bot's own numbering of tests of change ("T-12"): never a child, whatever an area's pattern. */
const TEST_NUMBER = /^T-\d+$/i;

/**
 * Words typed now that the bot will post in a channel later (a coach's prompt, a digest question, a
 * group's name and aim, a change idea). A case reference never goes to a channel, and once kept
 * nobody reads them again before they are posted, so one is refused here, where the writer can
 * still reword it. Typed in a direct message too: where they are typed is not where they go. Names
 * and ideas also outlive a child's erasure, which only scans where notes about children are kept
 * (find-mentions.ts). The refusal never says the reference back.
 */
export function refuseChildForChannel(
  ctx: { programme?: Pick<Programme, 'caseRefPattern'> | null },
  words: string,
  what: string,
  options: { where?: string; field?: string } = {},
): void {
  const pattern = compileCaseRefPattern(ctx.programme?.caseRefPattern);
  if (!findCaseReferences(words, pattern).some((m) => !TEST_NUMBER.test(m.ref))) return;
  throw new ValidationError(
    'case_ref_for_channel',
    `${what} ${options.where ?? 'goes to the group’s channel'}, and case references never go into a channel. ` +
      'Please say it without the case reference (ask about a child in a direct message), and I’ll keep it.',
    options.field ? { field: options.field } : {},
  );
}
