import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { describeRunChart } from '../../src/charts/describe-run-chart.js';
import { renderPng } from '../../src/charts/render-png.js';
import { RunChartSpecSchema, type RunChartSpec } from '../../src/charts/run-chart-spec.js';

// A phone try-out: a group's 26-week target line was above every point, and the weeks axis stopped
// at 25. The line is a dataset, so Chart.js takes it into the axis: read the axis as drawn.
const spec: RunChartSpec = {
  title: 'Accommodation to permanence recommendation, monthly median',
  measureName: 'Median weeks per month',
  unit: 'weeks',
  labels: ['2026-01', '2026-02', '2026-03', '2026-04'],
  values: [18, 22, 19, 21],
  ruleSetName: 'IHI',
  target: 26,
  targetOf: 'Legal processes',
};

async function drawnAxis(config: ChartConfiguration<'line', (number | null)[], string>) {
  let max = Number.NaN;
  const read: Plugin = { id: 'read-axis', afterLayout: (chart: Chart) => void (max = chart.scales.y!.max) };
  await renderPng({ ...config, plugins: [...(config.plugins ?? []), read] } as ChartConfiguration);
  return max;
}

describe("a group's target line above every point", () => {
  it('is inside the drawn weeks axis, and named as the group’s in the legend and alt text', async () => {
    const config = buildRunChartConfig(spec);
    expect(await drawnAxis(config)).toBeGreaterThanOrEqual(26);
    expect(config.data.datasets.map((d) => d.label)).toContain('Target: 26 weeks (aim of Legal processes)');
    expect(describeRunChart(RunChartSpecSchema.parse(spec))).toContain('Target 26 weeks (aim of Legal processes).');
  });

  it('without a target line, the axis is the data’s (so the check above can fail)', async () => {
    const { target: _t, targetOf: _o, ...bare } = spec;
    expect(await drawnAxis(buildRunChartConfig(bare))).toBeLessThan(26);
  });
});
