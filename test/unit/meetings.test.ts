import { describe, expect, it } from 'vitest';
import { digestTimeFor, nextMeeting, occurrenceOn, previousMeeting, upcomingMeetings, type Cadence } from '../../src/domain/meetings/index.js';

const cadence: Cadence = { anchorDate: '2026-12-03', anchorTime: '10:00', everyWeeks: 6, timeZone: 'Europe/London' };

describe('meeting cadence', () => {
  it('lists meetings every six weeks at the same local time across the clocks changing', () => {
    const meetings = upcomingMeetings(cadence, new Date('2026-11-22T00:00:00Z'), 5);
    expect(meetings.map((m) => m.localDate)).toEqual(['2026-12-03', '2027-01-14', '2027-02-25', '2027-04-08', '2027-05-20']);
    // 3 Dec is GMT (10:00Z); 8 April is BST (09:00Z) — still 10:00 on the clock.
    expect(meetings[0]!.at.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(meetings[3]!.at.toISOString()).toBe('2027-04-08T09:00:00.000Z');
  });

  it('moves one meeting without breaking the cadence', () => {
    const moved = { ...cadence, overrides: [{ from: '2027-01-14', to: '2027-01-16' }] };
    const meetings = upcomingMeetings(moved, new Date('2026-12-04T00:00:00Z'), 2);
    expect(meetings.map((m) => [m.localDate, m.moved])).toEqual([
      ['2027-01-16', true],
      ['2027-02-25', false],
    ]);
    expect(occurrenceOn(moved, '2027-01-16')?.scheduledDate).toBe('2027-01-14');
  });

  it('skips one meeting and the next one follows the cadence', () => {
    const skipped = { ...cadence, overrides: [{ from: '2027-01-14', to: null }] };
    expect(nextMeeting(skipped, new Date('2026-12-04T00:00:00Z'))?.localDate).toBe('2027-02-25');
  });

  it('finds the previous meeting for "since the last meeting"', () => {
    expect(previousMeeting(cadence, new Date('2027-02-01T00:00:00Z'))?.localDate).toBe('2027-01-14');
    expect(previousMeeting(cadence, new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('has no meetings before the anchor', () => {
    expect(nextMeeting(cadence, new Date('2020-01-01T00:00:00Z'))?.localDate).toBe('2026-12-03');
  });
});

describe('digest time', () => {
  it('is two working days before at 09:00 local, skipping the weekend', () => {
    // Thursday 3 Dec 2026 → Tuesday 1 Dec, 09:00 GMT.
    expect(digestTimeFor(new Date('2026-12-03T10:00:00Z'), 'Europe/London').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    // Monday 11 Jan 2027 → Thursday 7 Jan.
    expect(digestTimeFor(new Date('2027-01-11T10:00:00Z'), 'Europe/London').toISOString()).toBe('2027-01-07T09:00:00.000Z');
  });

  it('stays at 09:00 local across the spring clock change', () => {
    // Meeting Tue 30 Mar 2027 (BST from Sun 28 Mar) → digest Fri 26 Mar 09:00 GMT = 09:00Z.
    expect(digestTimeFor(new Date('2027-03-30T09:00:00Z'), 'Europe/London').toISOString()).toBe('2027-03-26T09:00:00.000Z');
    // Meeting Thu 1 Apr 2027 → digest Tue 30 Mar 09:00 BST = 08:00Z.
    expect(digestTimeFor(new Date('2027-04-01T09:00:00Z'), 'Europe/London').toISOString()).toBe('2027-03-30T08:00:00.000Z');
  });

  it('honours a configured lead time and hour', () => {
    expect(digestTimeFor(new Date('2026-12-03T10:00:00Z'), 'Europe/London', 0, '07:30').toISOString()).toBe('2026-12-03T07:30:00.000Z');
  });
});
