import { describe, expect, it } from 'vitest';
import type { GroupDigest } from '../../src/digest/digest-model.js';
import { groupCard, waitingChartForChannel } from '../../src/digest/render-group.js';
import { channelCount, safeForChannel, SMALL_NUMBER_LIMIT } from '../../src/digest/small-numbers.js';

/**
 * Small-number suppression hides counts of 1 to 4 in a channel, where a small count could identify
 * a child, and shows every other count: suppressing everything would leave a digest with nothing
 * in it, so the counts of 5 and more are checked as closely as the small ones.
 */
describe('small-number suppression', () => {
  it('shows 0 as none, hides 1 to 4, and shows 5 and more as they are', () => {
    expect(SMALL_NUMBER_LIMIT).toBe(5);
    expect(channelCount(0)).toBe('none');
    for (const count of [1, 2, 3, 4]) expect(channelCount(count)).toBe('fewer than 5');
    for (const count of [5, 6, 12, 140]) expect(channelCount(count)).toBe(String(count));
  });

  it('lets a chart into the channel only when none of its counts is 1 to 4', () => {
    expect(safeForChannel([0, 5, 9, 30])).toBe(true);
    expect(safeForChannel([])).toBe(true);
    expect(safeForChannel([5, 4])).toBe(false);
    expect(safeForChannel([1])).toBe(false);
  });

  const group = (totals: number[], buckets: number[], gapCases: number): GroupDigest => ({
    key: 'permanence-milestones',
    name: 'Permanence milestones',
    leads: ['U-LEAD'],
    aim: null,
    charts: [],
    noData: [],
    waiting: {
      stages: totals.map((total, i) => ({
        name: `Stage ${i + 1}`,
        total,
        longestWaits: ['C1001 (30 weeks)'],
        buckets: buckets.map((count, b) => ({ label: `bucket ${b}`, count })),
      })),
      chart: { png: Buffer.from('png'), alt: 'bars' },
    },
    changes: [],
    overdue: [],
    gaps: {
      sequence: Array.from({ length: gapCases }, (_, i) => ({ caseRef: `C${1000 + i}`, detail: 'out of order' })),
      plannedPassed: [],
      pastThreshold: [],
      thresholdWeeks: null,
    },
    questions: [],
  });
  const channelText = (g: GroupDigest) =>
    (groupCard(g, 'channel', null, 'Europe/London').sections ?? []).map((s) => s.text).join('\n');

  it('in a group\'s channel part: 5 and more as numbers, 1 to 4 as "fewer than 5", no references', () => {
    const text = channelText(group([5, 12, 3], [5, 7], 6));
    expect(text).toContain('*Stage 1*: 5 waiting');
    expect(text).toContain('*Stage 2*: 12 waiting');
    expect(text).toContain('*Stage 3*: fewer than 5 waiting');
    expect(text).toContain('Milestones out of order or missing: 6 children');
    expect(text).not.toMatch(/C10\d\d/);
    expect(channelText(group([5], [5], 4))).toContain('Milestones out of order or missing: fewer than 5 children');
  });

  it('sends the waiting bar chart to the channel when every bar is 0 or 5 and more', () => {
    expect(waitingChartForChannel(group([12], [0, 5, 7], 0))).toBe(true);
    expect(waitingChartForChannel(group([12], [8, 4], 0))).toBe(false);
  });
});
