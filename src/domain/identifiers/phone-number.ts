/**
 * UK phone numbers as people write them: "07700 900123", "+44 7700 900123", "0131 496 0000",
 * "(0131) 496 0000", "020 7946 0000". A national number is 0 and nine or ten more digits, in groups
 * of three or more after the area code, so a list of small numbers ("0 1 2 3 …") is not one.
 */

const GROUPS = '\\d{2,5}\\)?(?:[ -]?\\d{3,4}){1,2}';
const PHONE = new RegExp(`(?<![\\w+])(?:\\+44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)${GROUPS}(?![\\w]|[ -]?\\d)`, 'g');

export function hasPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(PHONE)) {
    const written = match[0];
    const digits = written.replace(/\D/g, '');
    const national = written.startsWith('+') ? digits.slice(2).replace(/^0/, '') : digits.slice(1);
    // UK numbers start 01, 02, 03, 05, 07, 08 or 09 after the trunk 0.
    if ((national.length === 9 || national.length === 10) && /^[1235789]/.test(national)) return true;
  }
  return false;
}
