import { DEFAULT_DIGEST, cadenceOf } from '../programme/meetings/cadence-of.js';
import { digestTimeFor, upcomingMeetings, type Meeting } from '../domain/meetings/index.js';
import type { Programme } from '../store/schemas/programme.js';

export interface DigestSlot {
  meeting: Meeting;
  /** When its digest goes out. */
  dueAt: Date;
}

/**
 * The next meeting's digest slot, computed from the cadence each time it is asked, so a moved or
 * skipped meeting, or new digest timing, re-plans the digest with no stored schedule to update.
 */
export function nextDigestSlot(programme: Programme, now: Date): DigestSlot | null {
  const cadence = cadenceOf(programme);
  if (!cadence) return null;
  const timing = programme.digest ?? DEFAULT_DIGEST;
  // A meeting starting right now is under way: its digest's moment has passed.
  const [meeting] = upcomingMeetings(cadence, new Date(now.getTime() + 1), 1);
  if (!meeting) return null;
  const { workingDaysBefore, time } = timing;
  return { meeting, dueAt: digestTimeFor(meeting.at, programme.timeZone, workingDaysBefore, time) };
}

/**
 * The slot whose digest is due now: its time has come and its meeting has not started. A digest
 * missed until the meeting began is not sent late.
 */
export function dueDigestSlot(programme: Programme, now: Date): DigestSlot | null {
  const slot = nextDigestSlot(programme, now);
  return slot && slot.dueAt <= now ? slot : null;
}
