/**
 * CHI numbers (Scotland) and NHS numbers (England and Wales): ten digits, written together or in
 * the usual groups ("1704141234", "170414 1234", "943 476 5919"). A CHI number begins with the
 * person's date of birth as ddmmyy, so any ten digits that begin with a real day and month are
 * refused as one; otherwise ten digits are an NHS number only when the mod-11 check digit agrees,
 * which keeps reference numbers, counts and phone numbers out.
 */

const TEN_DIGITS =
  /(?<![\w+.,])(\d{10}|\d{6}[ -]\d{4}|\d{3}[ -]\d{3}[ -]\d{4}|\d{2}[ -]\d{2}[ -]\d{2}[ -]\d{4})(?![\w]|[ -]?\d|[.,/]\d)/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function startsWithBirthDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  // 29 February is let through whatever the year: the two-digit year hides the century.
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** The NHS number's check: weights 10 down to 2 on the first nine digits, 11 minus the sum mod 11. */
export function nhsCheckDigitHolds(digits: string): boolean {
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

export function findHealthNumber(text: string): 'chi_number' | 'nhs_number' | null {
  for (const match of text.matchAll(TEN_DIGITS)) {
    const digits = match[1]!.replace(/\D/g, '');
    if (startsWithBirthDate(digits)) return 'chi_number';
    if (nhsCheckDigitHolds(digits)) return 'nhs_number';
  }
  return null;
}
