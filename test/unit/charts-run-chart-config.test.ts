import type { ChartDataset, LegendItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { runChartColours } from '../../src/charts/run-chart-datasets.js';
import type { RunChartSpec } from '../../src/charts/run-chart-spec.js';
import { ValidationError } from '../../src/errors.js';

type Dataset = ChartDataset<'line', (number | null)[]>;

const values = [40, 42, 38, 45, 39, 41, 44, 37, 43, 40, 30, 28, 31, 27, 29, 26];
const baseSpec: RunChartSpec = {
  title: 'Accommodation to recommendation',
  measureName: 'Weeks per child',
  unit: 'weeks',
  labels: values.map((_, i) => `C${1100 + i}`),
  values,
  phases: [{ start: 0, end: 15, median: 40.5, baselineEnd: 9 }],
  signalPoints: [10, 11, 12, 13, 14, 15],
  ruleSetName: 'IHI',
};

function datasets(spec: RunChartSpec): Dataset[] {
  return buildRunChartConfig(spec).data.datasets as Dataset[];
}

function byLabel(spec: RunChartSpec, label: string): Dataset[] {
  return datasets(spec).filter((d) => d.label === label);
}

function presentIndices(data: (number | null)[]): number[] {
  return data.flatMap((v, i) => (v === null ? [] : [i]));
}

describe('run chart config: the median line', () => {
  it('is solid over the baseline and dashed where it is extended', () => {
    const [solid] = byLabel(baseSpec, 'Median 40.5 (IHI rules)');
    const [extended] = byLabel(baseSpec, 'Median, extended');
    expect(solid.borderDash).toBeUndefined();
    expect(presentIndices(solid.data as (number | null)[])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(extended.borderDash?.length).toBeGreaterThan(0);
    // The dashed part starts where the solid part ends, so the line is unbroken.
    expect(presentIndices(extended.data as (number | null)[])).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(new Set(solid.data)).toEqual(new Set([40.5, null]));
  });

  it('has no dashed part when the whole phase is baseline', () => {
    const spec = { ...baseSpec, phases: [{ start: 0, end: 15, median: 40.5 }] };
    expect(byLabel(spec, 'Median, extended')).toHaveLength(0);
    expect(
      presentIndices(byLabel(spec, 'Median 40.5 (IHI rules)')[0].data as (number | null)[]),
    ).toHaveLength(16);
  });

  it('draws a baseline from before a window dashed across it, and promises no solid line', () => {
    const before = { ...baseSpec, phases: [{ start: 0, end: 15, median: 50, medianFromBefore: true }] };
    expect(byLabel(before, 'Median 50 (IHI rules)')).toHaveLength(0);
    const [carried] = byLabel(before, 'Baseline median 50, extended (IHI rules)');
    expect(carried.borderDash?.length).toBeGreaterThan(0);
    expect(presentIndices(carried.data as (number | null)[])).toHaveLength(16);
    expect(new Set(carried.data)).toEqual(new Set([50]));
    // One baseline point in view draws no solid line either: the legend must not name one.
    const onePoint = { ...baseSpec, phases: [{ start: 0, end: 15, median: 50, baselineEnd: 0, medianFromBefore: true }] };
    expect(byLabel(onePoint, 'Median 40.5 (IHI rules)')).toHaveLength(0);
    expect(
      presentIndices(byLabel(onePoint, 'Baseline median 50, extended (IHI rules)')[0].data as (number | null)[]),
    ).toHaveLength(16);
  });

  it('draws each phase at its own level without joining them', () => {
    const spec: RunChartSpec = {
      ...baseSpec,
      phases: [
        { start: 0, end: 9, median: 40.5 },
        { start: 10, end: 15, median: 28.5 },
      ],
    };
    const medians = byLabel(spec, 'Median 40.5, then 28.5 (IHI rules)');
    expect(medians).toHaveLength(2);
    expect(presentIndices(medians[0].data as (number | null)[])).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(presentIndices(medians[1].data as (number | null)[])).toEqual([10, 11, 12, 13, 14, 15]);
    expect(medians[1].data[12]).toBe(28.5);
  });
});

describe('run chart config: points', () => {
  it('marks signals with a larger triangle as well as a colour, named after the rule set', () => {
    const [series] = byLabel(baseSpec, 'Weeks per child');
    const [signal] = byLabel(baseSpec, 'Signal (IHI rules)');
    expect(signal.pointStyle).toBe('triangle');
    expect(signal.pointStyle).not.toBe(series.pointStyle);
    expect(signal.pointRadius as number).toBeGreaterThan(
      Math.max(...(series.pointRadius as number[])),
    );
    expect(signal.borderColor).toBe(runChartColours.signal);
    expect(presentIndices(signal.data as (number | null)[])).toEqual(baseSpec.signalPoints);
    // The series leaves those places to the overlay, so no circle peeks out under a triangle.
    expect((series.pointRadius as number[]).slice(10)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('names the Anhøj rule set when that is the one applied', () => {
    const labels = datasets({ ...baseSpec, ruleSetName: 'Anhøj' }).map((d) => d.label);
    expect(labels).toContain('Median 40.5 (Anhøj rules)');
    expect(labels).toContain('Signal (Anhøj rules)');
    expect(labels.some((l) => l?.includes('IHI'))).toBe(false);
  });

  it('draws excluded points as crosses and leaves out overlays that would be empty', () => {
    const spec = { ...baseSpec, signalPoints: [], excludedPoints: [3] };
    const [excluded] = byLabel(spec, 'Excluded');
    expect(excluded.pointStyle).toBe('crossRot');
    expect(presentIndices(excluded.data as (number | null)[])).toEqual([3]);
    expect(byLabel(spec, 'Signal (IHI rules)')).toHaveLength(0);
  });

  it('keeps a missing value as a gap rather than joining across it', () => {
    const spec = { ...baseSpec, values: values.map((v, i) => (i === 4 ? null : v)) };
    const [series] = byLabel(spec, 'Weeks per child');
    expect(series.data[4]).toBeNull();
    expect(series.spanGaps).toBe(false);
  });
});

describe('run chart config: target, labels and annotations', () => {
  it('adds a dashed target line named with its value', () => {
    const [target] = byLabel({ ...baseSpec, target: 28 }, 'Target: 28 weeks');
    expect(target.borderDash?.length).toBeGreaterThan(0);
    expect(new Set(target.data)).toEqual(new Set([28]));
  });

  it("shows months as 'Oct 25' and titles the axis 'Month'", () => {
    const config = buildRunChartConfig({
      ...baseSpec,
      labels: ['2025-10', '2025-11', '2025-12', '2026-01'],
      values: [1, 2, 3, 4],
      phases: [],
      signalPoints: [],
    });
    expect(config.data.labels).toEqual(['Oct 25', 'Nov 25', 'Dec 25', 'Jan 26']);
    expect(config.options?.scales?.x?.title?.text).toBe('Month');
  });

  it('reserves more room under the title when test-of-change labels need a second row', () => {
    const padding = (spec: RunChartSpec): number => {
      const title = buildRunChartConfig(spec).options?.plugins?.title?.padding;
      return typeof title === 'object' && title !== null && 'bottom' in title
        ? Number(title.bottom)
        : Number(title);
    };
    const none = padding(baseSpec);
    const one = padding({ ...baseSpec, annotations: [{ index: 2, label: 'T-1 72-hour agenda' }] });
    const crowded = padding({
      ...baseSpec,
      annotations: [
        { index: 2, label: 'T-1 72-hour agenda' },
        { index: 3, label: 'T-2 LAC review in two weeks' },
      ],
    });
    expect(one).toBeGreaterThan(none);
    expect(crowded).toBeGreaterThan(one);
  });

  it('lists each legend label once, keeping the dash of the extended median', () => {
    const config = buildRunChartConfig({ ...baseSpec, phases: [...baseSpec.phases!] });
    const generate = config.options?.plugins?.legend?.labels?.generateLabels as (
      chart: unknown,
    ) => LegendItem[];
    const twoPhases = buildRunChartConfig({
      ...baseSpec,
      phases: [
        { start: 0, end: 9, median: 40.5, baselineEnd: 5 },
        { start: 10, end: 15, median: 28.5, baselineEnd: 12 },
      ],
    });
    const items = generate({ data: twoPhases.data });
    const texts = items.map((item) => item.text);
    expect(texts).toEqual([
      'Weeks per child',
      'Signal (IHI rules)',
      'Median 40.5, then 28.5 (IHI rules)',
      'Median, extended',
    ]);
    expect(items.find((i) => i.text === 'Median, extended')?.lineDash?.length).toBeGreaterThan(0);
    expect(items.find((i) => i.text === 'Median 40.5, then 28.5 (IHI rules)')?.lineDash).toEqual([]);
  });
});

describe('run chart config: invalid specs', () => {
  it('refuses values that do not match the labels, naming the field', () => {
    const build = () => buildRunChartConfig({ ...baseSpec, values: [1, 2] });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(/values/);
  });

  it('refuses a baseline outside its phase and overlapping phases', () => {
    expect(() =>
      buildRunChartConfig({
        ...baseSpec,
        phases: [{ start: 0, end: 9, median: 1, baselineEnd: 12 }],
      }),
    ).toThrow(/baselineEnd/);
    expect(() =>
      buildRunChartConfig({
        ...baseSpec,
        phases: [
          { start: 0, end: 9, median: 1 },
          { start: 9, end: 15, median: 2 },
        ],
      }),
    ).toThrow(/overlap/);
  });

  it('refuses a signal index beyond the series', () => {
    expect(() => buildRunChartConfig({ ...baseSpec, signalPoints: [16] })).toThrow(/signalPoints/);
  });
});
