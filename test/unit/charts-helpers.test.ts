import { describe, expect, it } from 'vitest';
import { dayNumber, dayTicks } from '../../src/charts/day-axis.js';
import { describeIndexRanges } from '../../src/charts/describe-index-ranges.js';
import { formatInterval } from '../../src/charts/format-interval.js';
import { formatValue } from '../../src/charts/format-value.js';
import { formatXLabel } from '../../src/charts/format-x-label.js';
import { lowerFirst } from '../../src/charts/lower-first.js';
import { measureText } from '../../src/charts/measure-text.js';
import { assignLabelRows } from '../../src/charts/plugins/assign-label-rows.js';
import { layoutMarkerLabels } from '../../src/charts/plugins/vertical-markers.js';
import { wrapText } from '../../src/charts/wrap-text.js';

describe('labels and numbers', () => {
  it('formats months and dates the UK way, leaving case references alone', () => {
    expect(formatXLabel('2025-10')).toBe('Oct 25');
    expect(formatXLabel('2025-10', 'long')).toBe('October 2025');
    expect(formatXLabel('2025-10-03')).toBe('3 Oct 25');
    expect(formatXLabel('2025-10-03', 'long')).toBe('3 October 2025');
    expect(formatXLabel('C1042')).toBe('C1042');
    expect(formatXLabel('2025-13')).toBe('2025-13');
  });

  it('shows values to one decimal without a trailing zero', () => {
    expect(formatValue(40)).toBe('40');
    expect(formatValue(41.35)).toBe('41.4');
    expect(formatValue(27.25)).toBe('27.3');
    expect(formatValue(0.04)).toBe('0');
  });

  it('gives intervals in days under two weeks and in weeks after', () => {
    expect(formatInterval(1)).toBe('1 day');
    expect(formatInterval(13)).toBe('13 days');
    expect(formatInterval(14)).toBe('2 weeks');
    expect(formatInterval(129)).toBe('18.4 weeks');
    expect(formatInterval(129, 'short')).toBe('18.4 wk');
  });

  it('names points by ranges of consecutive labels', () => {
    const labels = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(describeIndexRanges([0, 1, 2, 4], labels)).toBe('A to C and E');
    expect(describeIndexRanges([5, 0, 3], labels)).toBe('A, D and F');
    expect(describeIndexRanges([2], labels)).toBe('C');
  });

  it('lower-cases a first letter but not an acronym', () => {
    expect(lowerFirst('First LAC review')).toBe('first LAC review');
    expect(lowerFirst('ADM decision')).toBe('ADM decision');
    expect(lowerFirst('72-hour meeting')).toBe('72-hour meeting');
  });
});

describe('layout helpers', () => {
  it('wraps text at spaces to the width it is measured at', () => {
    const lines = wrapText('Accommodated → permanence recommendation', 170);
    expect(lines.join(' ')).toBe('Accommodated → permanence recommendation');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line)).toBeLessThanOrEqual(170);
    expect(wrapText('Short', 170)).toEqual(['Short']);
  });

  it('stacks overlapping label spans into rows and reuses a row once it is clear', () => {
    expect(
      assignLabelRows([
        { start: 0, end: 100 },
        { start: 50, end: 150 },
        { start: 120, end: 200 },
        { start: 160, end: 220 },
      ]),
    ).toEqual([0, 1, 0, 1]);
  });

  it('flips a marker label to the left of its line near the right edge', () => {
    const placed = layoutMarkerLabels([100, 580], [80, 80], 600);
    expect(placed[0]).toEqual({ start: 100, row: 0 });
    expect(placed[1].start + 88).toBe(580);
  });

  it('ticks a long date axis at month starts and a short one at Mondays', () => {
    const long = dayTicks(dayNumber('2025-03-03'), dayNumber('2026-04-20'));
    expect(long.days.length).toBeLessThanOrEqual(7);
    expect(long.label(long.days[0])).toBe('Apr 25');
    const short = dayTicks(dayNumber('2026-01-05'), dayNumber('2026-02-20'));
    expect(short.days.map(short.label)).toEqual([
      '5 Jan',
      '12 Jan',
      '19 Jan',
      '26 Jan',
      '2 Feb',
      '9 Feb',
      '16 Feb',
    ]);
  });
});
