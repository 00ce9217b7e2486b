import { describe, expect, it } from 'vitest';
import { buildControlChartConfig } from '../../src/charts/build-control-chart-config.js';
import { iChartExample, pChartExample } from '../../src/charts/control-chart-examples.js';
import { renderControlChart } from '../../src/charts/render-control-chart.js';
import { readPngHeader } from './charts-png-helpers.js';

const labelsOf = (config: ReturnType<typeof buildControlChartConfig>) =>
  config.data.datasets.map((d) => d.label);

describe('control chart config', () => {
  it('draws the centre line solid over the baseline and dashed beyond, limits as dashed grey lines, and marks the outside point', () => {
    const config = buildControlChartConfig(iChartExample);
    const labels = labelsOf(config);
    expect(labels).toContain('Outside the limits');
    expect(labels).toContain('Mean');
    expect(labels).toContain('Mean, extended');
    expect(labels.filter((l) => l === 'Control limits (3 sigma)')).toHaveLength(2);
    const outside = config.data.datasets.find((d) => d.label === 'Outside the limits')!;
    // Month 18 (38 days) is the only point drawn by the overlay.
    expect(outside.data.flatMap((v, i) => (v === null ? [] : [i]))).toEqual([17]);
    const extended = config.data.datasets.find((d) => d.label === 'Mean, extended')!;
    expect((extended as { borderDash?: number[] }).borderDash).toEqual([7, 5]);
    // I-chart values sit far from 0: the axis is not forced to start there.
    expect((config.options?.scales?.y as { beginAtZero?: boolean }).beginAtZero).toBe(false);
  });

  it('steps P-chart limits with each month and keeps each phase apart', () => {
    const config = buildControlChartConfig(pChartExample);
    const limits = config.data.datasets.filter((d) => d.label === 'Control limits (3 sigma)');
    // Two phases × upper and lower.
    expect(limits).toHaveLength(4);
    expect(limits.every((d) => (d as { stepped?: unknown }).stepped === 'middle')).toBe(true);
    // The upper limits are lowered to 100 %; the lower ones step with each month's count.
    const [firstUpper, firstLower] = [limits[0]!.data, limits[1]!.data];
    expect(firstUpper.slice(0, 12).every((v) => v === 100)).toBe(true);
    expect(firstLower.slice(12).every((v) => v === null)).toBe(true);
    expect(new Set(firstLower.slice(0, 12)).size).toBeGreaterThan(1);
    expect(labelsOf(config)).not.toContain('Mean, extended');
  });

  it('renders a PNG whose alt text names the chart type, the centre line, the limits and the outside point', async () => {
    const chart = await renderControlChart(iChartExample);
    expect(readPngHeader(chart.png)).toMatchObject({ signatureOk: true, width: 1020, height: 680 });
    expect(chart.alt).toMatch(/^I chart \(a control chart\) of days from referral to decision \(days\), January 2024 to December 2025: 24 points\./);
    // Baseline: 266 days over the first 12 months.
    expect(chart.alt).toMatch(/Mean 22\.2 days from the baseline January 2024 to December 2024, with its limits extended to December 2025\./);
    expect(chart.alt).toMatch(/Outside the limits: June 2025\./);
    // A window that starts after the baseline ended: the centre came from before it.
    const windowed = await renderControlChart({ ...iChartExample, phases: [{ ...iChartExample.phases![0]!, baselineEnd: 0, centreFromBefore: true }] });
    expect(windowed.alt).toMatch(/Mean 22\.2 days from a baseline before this period, with its limits extended to December 2025\./);
    const p = await renderControlChart(pChartExample);
    expect(p.alt).toMatch(/^P chart/);
    expect(p.alt).toMatch(/split into 2 phases, each with its own limits/);
    expect(p.alt).toMatch(/stepping with the number counted each month/);
  });
});

describe('limits that collapse onto the centre line', () => {
  it('are not drawn as a band, and the alt text says why', async () => {
    // A flat baseline with one spike: the spike's ranges are screened out and the spread is 0.
    const values = [4, 4, 4, 4, 4, 4, 4, 4, 4, 12, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const { analyseControlChart } = await import('../../src/domain/spc/index.js');
    const analysis = analyseControlChart({ chart: 'i', values });
    const centre = analysis.phases[0]!.centre!;
    const spec = {
      title: 'Flat with a spike',
      chartType: 'i' as const,
      measureName: 'Days',
      unit: 'days',
      labels: values.map((_, i) => `C${1000 + i}`),
      values,
      lcl: analysis.points.map((p) => p.lcl),
      ucl: analysis.points.map((p) => p.ucl),
      phases: [{ start: 0, end: values.length - 1, centre }],
      outsidePoints: analysis.points.filter((p) => p.outside).map((p) => p.index),
    };
    expect(spec.lcl.every((x) => x === centre)).toBe(true);
    expect(labelsOf(buildControlChartConfig(spec))).not.toContain('Control limits (3 sigma)');
    expect((await renderControlChart(spec)).alt).toMatch(/The limits collapse onto the mean .* so none are drawn/);
  });
});
