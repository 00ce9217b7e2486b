/**
 * Words that mark a date as booked in diaries rather than reached. "next" is deliberately absent:
 * "accommodated next Thursday" is a mistake to refuse, not a plan.
 */
const PLANNING =
  /\b(?:booked|planned|planning for|scheduled|rescheduled|re-scheduled|moved\s+(?:from\b.*?\s+)?to|postponed|put back|brought forward|pushed back|due|will|shall|is on|are on|arranged|set for|diari[sz]ed|pencil+ed in|to be held|takes place|upcoming|coming up|coming|expected|going to)\b/i;

/** Whether the message speaks of a planned date (case references and milestones already masked). */
export function hasPlanningWord(text: string): boolean {
  return PLANNING.test(text);
}
