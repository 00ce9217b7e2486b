import { describe, expect, it } from 'vitest';
import { parseMilestoneStatement } from '../../src/domain/parse-milestone.js';

const TODAY = '2026-11-19';
const read = (said: string) => parseMilestoneStatement(said, { today: TODAY });

describe('a booked date moved', () => {
  it.each([
    'C1042 panel moved to 22 Dec',
    'C1042 panel now booked for 22 Dec',
    'C1042 panel moved from 10 Dec to 22 Dec',
    'panel for C1042 rescheduled to 22 Dec',
    'C1042 panel postponed to 22 Dec',
  ])('"%s" is a plan for the coming 22 December, one date only', (said) => {
    expect(read(said)).toEqual({
      ok: true,
      records: [{ caseRef: 'C1042', milestone: 'permanence_panel', date: '2026-12-22', planned: true }],
    });
  });

  it('leaves a plain past date alone', () => {
    expect(read('C1042 accommodated 3 Oct')).toMatchObject({ ok: true, records: [{ date: '2026-10-03', planned: false }] });
  });
});
