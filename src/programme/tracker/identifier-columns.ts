import { headerWords } from './header-words.js';
import type { IdentifierKind } from './tracker-types.js';

/**
 * Headers of columns that identify a child or someone close to them. Such a column is named in
 * the reading but its cells are never read, so a tracker can be imported without copying names,
 * birthdays or addresses into the bot. Matched on `headerWords`, so punctuation does not matter.
 * Checked before anything else: "Date of birth" is not a milestone, whatever words it shares.
 */
const IDENTIFIER_HEADERS: [IdentifierKind, RegExp][] = [
  ['date_of_birth', /\b(dob|d o b|date of birth|birth ?date|birthday|born)\b/],
  // CHI (Scotland) and NHS numbers; other national numbers (pupil, insurance) are as identifying.
  ['chi_or_nhs_number', /\b(chi|nhs|upn|ni no|ni number|national insurance)\b/],
  ['postcode', /\b(post ?code|postal code|zip ?code)\b/],
  ['address', /\b(address|addr|street)\b/],
  ['email', /\be ?mail\b/],
  ['phone', /\b(phone|telephone|tel|mobile|mob|contact no|contact number)\b/],
  // Any name, the child's or a parent's or worker's. A column headed only "Child" or "Carer"
  // holds names; "Carer approved" holds dates, so those words count only alone.
  [
    'name',
    new RegExp(
      String.raw`\b(names?|forenames?|surnames?)\b|` +
        '^(child|young person|yp|cyp|pupil|person|mother|father|parents?|carers?|siblings?)$',
    ),
  ],
];

/** The kind of identifier a header names, or null. */
export function identifierKindOf(header: string): IdentifierKind | null {
  const words = headerWords(header);
  for (const [kind, pattern] of IDENTIFIER_HEADERS) if (pattern.test(words)) return kind;
  return null;
}
