import { describe, expect, it } from 'vitest';
import { waitingList } from '../../src/domain/measures/waiting-list.js';
import { ValidationError } from '../../src/errors.js';
import { child, FROM, SEED, TO, TODAY } from './measures-seed.js';

describe('waiting list', () => {
  it('buckets children with A and no B by weeks waited, with their references', () => {
    expect(waitingList(SEED, { from: FROM, to: TO, today: TODAY })).toEqual([
      { fromWeeks: 0, toWeeks: 13, label: 'under 13 weeks', count: 1, caseRefs: ['C1009'] },
      { fromWeeks: 13, toWeeks: 26, label: '13–26 weeks', count: 1, caseRefs: ['C1005'] },
      { fromWeeks: 26, toWeeks: 52, label: '26–52 weeks', count: 0, caseRefs: [] },
      { fromWeeks: 52, toWeeks: null, label: '52 weeks or more', count: 1, caseRefs: ['C1007'] },
    ]);
  });

  it('puts a child on a boundary in the upper bucket and lists the longest wait first', () => {
    const cases = [
      child('C3', { accommodated: '2025-03-31' }), // exactly 13 weeks by 2025-06-30
      child('C2', { accommodated: '2025-04-01' }), // one day short of 13 weeks
      child('C1', { accommodated: '2025-01-01' }),
      child('C4', { accommodated: '2025-07-01' }), // not accommodated yet as of today
    ];
    const buckets = waitingList(cases, { from: FROM, to: TO, today: TODAY, buckets: [0, 13] });
    expect(buckets.map((b) => [b.label, b.caseRefs])).toEqual([
      ['under 13 weeks', ['C2']],
      ['13 weeks or more', ['C1', 'C3']],
    ]);
  });

  it('does not list children who reached B, nor data problems', () => {
    const refs = waitingList(SEED, { from: FROM, to: TO, today: TODAY }).flatMap((b) => b.caseRefs);
    for (const ref of ['C1001', 'C1004', 'C1006', 'C1008', 'C1010', 'C1011']) {
      expect(refs).not.toContain(ref);
    }
  });

  it('takes configured buckets, which must start at 0 and increase', () => {
    const buckets = waitingList(SEED, { from: FROM, to: TO, today: TODAY, buckets: [0, 4, 8] });
    expect(buckets.map((b) => [b.label, b.count])).toEqual([
      ['under 4 weeks', 0],
      ['4–8 weeks', 1],
      ['8 weeks or more', 2],
    ]);
    const refuse = (buckets: number[]) => () =>
      waitingList(SEED, { from: FROM, to: TO, today: TODAY, buckets });
    expect(refuse([4, 8])).toThrow(ValidationError);
    expect(refuse([0, 8, 8])).toThrow(ValidationError);
  });
});
