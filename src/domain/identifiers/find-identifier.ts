import { hasDateOfBirth } from './date-of-birth.js';
import { hasEmailAddress } from './email-address.js';
import { findHealthNumber } from './health-number.js';
import type { FoundIdentifier } from './identifier-kind.js';
import { hasChildsPersonName } from './person-name.js';
import { hasPhoneNumber } from './phone-number.js';
import { hasPostcode } from './postcode.js';

/** Characters that hide nothing but could split a number or a word to slip it past the checks. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * The one check every piece of free text passes before it is stored: the first personal
 * identifier found, by kind, or null. Only the kind is returned, so no caller can repeat the value.
 * `now` places "a child's age" for dates of birth written a little away from their word.
 */
export function findIdentifier(text: string, now: Date = new Date()): FoundIdentifier | null {
  if (!text) return null;
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  if (hasEmailAddress(plain)) return { kind: 'email' };
  const health = findHealthNumber(plain);
  if (health) return { kind: health };
  if (hasPhoneNumber(plain)) return { kind: 'phone' };
  if (hasDateOfBirth(plain, now)) return { kind: 'date_of_birth' };
  if (hasPostcode(plain)) return { kind: 'postcode' };
  if (hasChildsPersonName(plain)) return { kind: 'person_name' };
  return null;
}
