/** Words that move a booked date: what follows "to" is the new plan, and it is a plan. */
const MOVED = String.raw`(?:moved|rescheduled|re-scheduled|changed|postponed|put back|brought forward|pushed back)`;
const FROM_DATE = new RegExp(String.raw`(?<=\b${MOVED}\s+)from\s+.+?\s+(?=to\b)`, 'gi');
// "now" in "now booked for 22 Dec" is about the booking, not a date of its own.
const NOW_BOOKED = /\bnow(?=\s+(?:booked|on|for|set|due|planned|scheduled|moved)\b)/gi;

const blank = (s: string) => ' '.repeat(s.length);

/**
 * Masks what a rescheduling says about the old date ("moved from 10 Dec to 22 Dec" keeps only
 * "to 22 Dec") and a "now" that only dates the booking, keeping every other character where it
 * was so spans found later still point into the message.
 */
export function maskRescheduling(text: string): string {
  return text.replace(FROM_DATE, blank).replace(NOW_BOOKED, blank);
}
