import type { Chart, ChartConfiguration, ChartDataset } from 'chart.js';
import { measureText } from '../../src/charts/measure-text.js';
import { describe, expect, it } from 'vitest';
import { buildWaitingChartConfig } from '../../src/charts/build-waiting-chart-config.js';
import { waitingChartExample } from '../../src/charts/examples.js';
import { canvasFont, okabeIto } from '../../src/charts/palette.js';
import { renderPng } from '../../src/charts/render-png.js';
import { renderWaitingChart } from '../../src/charts/render-waiting-chart.js';
import { ValidationError } from '../../src/errors.js';
import { countColour, decodePng, readPngHeader } from './charts-png-helpers.js';

describe('waiting chart config', () => {
  it('has one dataset per bucket, in order, with one count per stage', () => {
    const config = buildWaitingChartConfig(waitingChartExample);
    const datasets = config.data.datasets as ChartDataset<'bar', number[]>[];
    expect(datasets.map((d) => d.label)).toEqual([
      '0–13 weeks',
      '13–26 weeks',
      '26–52 weeks',
      '52+ weeks',
    ]);
    expect(datasets[2].data).toEqual([8, 2, 1]);
    expect(datasets[3].data).toEqual([3, 1, 0]);
    expect(new Set(datasets.map((d) => d.backgroundColor)).size).toBe(4);
  });

  it('wraps long stage names onto several lines under their bars', () => {
    const labels = buildWaitingChartConfig(waitingChartExample).data.labels as string[][];
    expect(labels[0].length).toBeGreaterThan(1);
    expect(labels[0].join(' ')).toBe('Accommodated → permanence recommendation');
  });

  it('stacks both axes only when asked to', () => {
    const grouped = buildWaitingChartConfig(waitingChartExample).options?.scales;
    const stacked = buildWaitingChartConfig({ ...waitingChartExample, layout: 'stacked' }).options
      ?.scales;
    expect(grouped?.x?.stacked).toBe(false);
    expect([stacked?.x?.stacked, stacked?.y?.stacked]).toEqual([true, true]);
  });

  it('refuses a stage whose counts do not match the buckets, naming the stage', () => {
    const spec = { ...waitingChartExample, stages: [{ name: 'Aim 2', counts: [1, 2] }] };
    expect(() => buildWaitingChartConfig(spec)).toThrow(ValidationError);
    expect(() => buildWaitingChartConfig(spec)).toThrow(/stages\.0\.counts/);
  });
});

describe('renderWaitingChart', () => {
  it('renders a 1020×680 PNG under 300 KB with every bucket colour on it', async () => {
    const chart = await renderWaitingChart(waitingChartExample);
    expect(readPngHeader(chart.png)).toMatchObject({ signatureOk: true, width: 1020, height: 680 });
    expect(chart.png.length).toBeLessThan(300 * 1024);
    const image = await decodePng(chart.png);
    for (const colour of [okabeIto.sky, okabeIto.blue, okabeIto.orange, okabeIto.vermillion]) {
      expect(countColour(image, colour)).toBeGreaterThan(1000);
    }
  });

  it('writes the counts on the bars', async () => {
    const config = buildWaitingChartConfig(waitingChartExample);
    const withLabels = await decodePng((await renderPng(config)).png);
    const withoutLabels = await decodePng(
      (await renderPng({ ...buildWaitingChartConfig(waitingChartExample), plugins: [] })).png,
    );
    // Bold dark digits over the bars: the only difference between the two renders.
    const dark = (image: typeof withLabels) => countColour(image, '#1a1a1a', 30);
    expect(dark(withLabels) - dark(withoutLabels)).toBeGreaterThan(500);
  });

  it('names every one of five stages under its bars, none skipped, none wider than its share', async () => {
    const stages = [
      'Accommodation to permanence recommendation',
      'Permanence recommendation to panel',
      'Panel to ADM decision',
      'ADM decision to court application lodged',
      'CSO at home to review',
    ].map((name) => ({ name, counts: [1, 2, 3, 4] }));
    const config = buildWaitingChartConfig({ ...waitingChartExample, stages });
    let drawn: string[] = [];
    let share = 0;
    // Chart.js replaces the x scale's ticks with the ones it keeps after auto-skipping.
    const probe = {
      id: 'probe',
      afterDraw(chart: Chart) {
        const x = chart.scales.x!;
        drawn = x.ticks.map((t) => [t.label].flat().join(' '));
        share = x.width / stages.length;
      },
    };
    await renderPng({ ...config, plugins: [...(config.plugins ?? []), probe] } as ChartConfiguration);
    expect(drawn).toEqual(stages.map((s) => s.name));
    for (const label of config.data.labels as string[][]) {
      for (const line of label.filter((l) => l.includes(' '))) {
        expect(measureText(line, canvasFont()), line).toBeLessThanOrEqual(share);
      }
    }
  });

  it('gives every count in the alt text, with the date', async () => {
    const { alt } = await renderWaitingChart(waitingChartExample);
    expect(alt).toContain('as of 2 March 2026');
    expect(alt).toContain(
      'Accommodated → permanence recommendation: 22 children waiting (6 waiting 0–13 weeks, 5 waiting 13–26 weeks, 8 waiting 26–52 weeks, 3 waiting 52+ weeks).',
    );
    expect(alt).toContain('0 waiting 52+ weeks');
  });
});
