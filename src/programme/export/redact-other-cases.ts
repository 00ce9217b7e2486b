import { findCaseReferences, normaliseCaseRef } from '../../domain/case-reference.js';
import { mentionPattern } from '../cases/find-mentions.js';

export const OTHER_CASE = '[other case]';

/**
 * A function that replaces every case reference but `caseRef` in a text by "[other case]", so
 * free text exported for one child ("used it for C1042 and C1077") names no other. References are
 * found two ways: anything the programme's pattern reads as a reference, and every reference the
 * workspace holds (which an earlier, different pattern may have let in).
 */
export function otherCasesRedactor(
  caseRef: string,
  pattern: RegExp,
  heldRefs: readonly string[],
): (text: string) => string {
  const own = normaliseCaseRef(caseRef);
  const held = heldRefs.filter((ref) => normaliseCaseRef(ref) !== own).map(mentionPattern);
  return (text) => {
    const spans = findCaseReferences(text, pattern).filter((m) => m.ref !== own);
    let out = text;
    // From the last span back, so earlier positions still hold.
    for (const span of spans.reverse()) {
      out = `${out.slice(0, span.start)}${OTHER_CASE}${out.slice(span.end)}`;
    }
    return held.reduce((result, ref) => result.replace(ref, OTHER_CASE), out);
  };
}
