/** Month names as people write them ("Apr", "April", "Sept"), as one regex alternation without groups. */
export const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1–12 for a month name MONTH_NAME matched. */
export function monthOf(name: string): number {
  return PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
