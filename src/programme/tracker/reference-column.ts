import { headerWords } from './header-words.js';

// "Ref", "ID", "Reference" alone, or after a word saying whose: "Child ID", "Case ref no".
const REFERENCE_ALONE = /^(id|ref|refs|reference|identifier|pseudonym)( no| number)?$/;
// "No" and "Number" alone are often a row counter (1, 2, 3), so they need a "whose" word.
const WHOSE = 'child|children s|childs|case|client|young person|yp|cyp|tracker|pseudonymous|unique';
const WHAT = 'id|ref|refs|reference|identifier|no|nos|number|num|nr|code';
const REFERENCE_OF = new RegExp(`^(${WHOSE}) (${WHAT})( no| number)?$`);

/** Whether a header names the column of case references ("Case no", "Child ID", "Ref"). */
export function isReferenceHeader(header: string): boolean {
  const words = headerWords(header);
  return words === 'case' || REFERENCE_ALONE.test(words) || REFERENCE_OF.test(words);
}
