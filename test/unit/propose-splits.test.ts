import { describe, expect, it } from 'vitest';
import { type SignalBlock, signalBlocks } from '../../src/domain/predictions/index.js';
import { analyseRunChart } from '../../src/domain/runchart/index.js';
import { proposeSplits, SPLIT_WITHIN } from '../../src/domain/splits/propose-splits.js';

const shift = (start: number, end = start + 6): SignalBlock => ({ start, end, kind: 'shift', side: 'below' });
const none = new Set<number>();

describe('proposeSplits', () => {
  it(`proposes a phase at a shift that begins 0 to ${SPLIT_WITHIN} points after a test's first point, not later`, () => {
    const tests = [{ number: 12, index: 10 }];
    expect(proposeSplits({ blocks: [shift(10)], tests, phaseStarts: [], decided: none })).toEqual([{ testNumber: 12, start: 10, kind: 'shift' }]);
    expect(proposeSplits({ blocks: [shift(10 + SPLIT_WITHIN)], tests, phaseStarts: [], decided: none })).toEqual([{ testNumber: 12, start: 13, kind: 'shift' }]);
    expect(proposeSplits({ blocks: [shift(11 + SPLIT_WITHIN)], tests, phaseStarts: [], decided: none })).toEqual([]);
    expect(proposeSplits({ blocks: [shift(9)], tests, phaseStarts: [], decided: none })).toEqual([]);
  });

  it('asks once per test: a second shift lining up with the same test is not proposed again', () => {
    const tests = [{ number: 20, index: 70 }];
    const blocks = [shift(71, 72), { ...shift(73), kind: 'beyond-limits' as const }];
    expect(proposeSplits({ blocks, tests, phaseStarts: [], decided: none })).toEqual([{ testNumber: 20, start: 71, kind: 'shift' }]);
  });

  it('names the latest test before the shift, and skips trends, decided tests and existing phases', () => {
    const tests = [{ number: 3, index: 8 }, { number: 4, index: 9 }];
    expect(proposeSplits({ blocks: [shift(10)], tests, phaseStarts: [], decided: none })).toEqual([{ testNumber: 4, start: 10, kind: 'shift' }]);
    expect(proposeSplits({ blocks: [{ ...shift(10), kind: 'trend', side: null }], tests, phaseStarts: [], decided: none })).toEqual([]);
    expect(proposeSplits({ blocks: [shift(10)], tests, phaseStarts: [], decided: new Set([4]) })).toEqual([]);
    expect(proposeSplits({ blocks: [shift(10)], tests, phaseStarts: [10], decided: none })).toEqual([]);
  });
});

describe('signalBlocks', () => {
  it('splits a run above the median from the run below it that follows (runcharts.md example 2)', () => {
    const analysis = analyseRunChart({ values: [...Array(12).fill(20), ...Array(12).fill(10)] });
    expect(signalBlocks(analysis, null, 'ihi').filter((b) => b.kind === 'shift')).toEqual([
      { start: 0, end: 11, kind: 'shift', side: 'above' },
      { start: 12, end: 23, kind: 'shift', side: 'below' },
    ]);
  });

  it('lets a point on the median sit inside a shift without starting a new one', () => {
    // Median 5: the 5 inside the low run neither breaks nor extends it.
    const values = [8, 9, 8, 9, 8, 9, 8, 3, 2, 5, 3, 2, 3, 2, 3];
    const shifts = signalBlocks(analyseRunChart({ values }), null, 'ihi').filter((b) => b.kind === 'shift');
    expect(shifts.map((b) => [b.start, b.side])).toEqual([[0, 'above'], [7, 'below']]);
  });
});

describe('a signal that starts inside an earlier one', () => {
  it('is not a new level: points beyond a limit within a shift propose nothing of their own, and each proposal says what kind of signal it is', () => {
    // The try-out's demo chart: a shift from point 51, with points beyond the lower limit at 64 and
    // 71 inside it; tests T-12, T-16 and T-20 started just before each. Three "shifts" were proposed.
    const found = proposeSplits({
      blocks: [
        { start: 50, end: 72, kind: 'shift', side: 'below' },
        { start: 63, end: 63, kind: 'beyond-limits', side: 'below' },
        { start: 70, end: 70, kind: 'beyond-limits', side: 'below' },
      ],
      tests: [
        { number: 12, index: 49 },
        { number: 16, index: 62 },
        { number: 20, index: 69 },
      ],
      phaseStarts: [],
      decided: new Set(),
    });
    expect(found).toEqual([{ testNumber: 12, start: 50, kind: 'shift' }]);
  });

  it('keeps points beyond a limit that start a signal of their own, saying so', () => {
    const found = proposeSplits({
      blocks: [{ start: 30, end: 32, kind: 'beyond-limits', side: 'above' }],
      tests: [{ number: 4, index: 29 }],
      phaseStarts: [],
      decided: new Set(),
    });
    expect(found).toEqual([{ testNumber: 4, start: 30, kind: 'beyond-limits' }]);
  });
});
