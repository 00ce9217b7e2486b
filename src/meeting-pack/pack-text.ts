import { restorePlain, withoutChatHints } from '../../cards/plain-text.js';
import { compileCaseRefPattern, replaceCaseReferences } from '../domain/case-reference.js';

/** What stands where a case reference was: a pack is shown to the whole meeting. */
export const REMOVED_CASE_REF = '[case]';

/**
 * Turns the digest's words into the pack's: the bot's markdown marks (*bold*, _italic_, `code`) go,
 * the characters people typed come back as typed (see plain()), and any case reference — a test's
 * title may name a child — is replaced, because the pack goes to a room and a channel.
 */
export function packTextCleaner(caseRefPattern?: string): (text: string) => string {
  const pattern = compileCaseRefPattern(caseRefPattern);
  return (text) => replaceCaseReferences(restorePlain(withoutChatHints(text).replace(/[*_`]/g, '')), pattern, REMOVED_CASE_REF);
}
