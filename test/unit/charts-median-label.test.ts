import type { Chart, Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildRunChartConfig } from '../../src/charts/build-run-chart-config.js';
import { runChartShiftExample } from '../../src/charts/examples.js';
import { formatValue } from '../../src/charts/format-value.js';
import type { PointLabelsPlugin } from '../../src/charts/plugins/point-labels.js';
import { renderPng } from '../../src/charts/render-png.js';
import type { RunChartSpec } from '../../src/charts/run-chart-spec.js';

// The chart is really drawn (Chart.js on node-canvas); the test reads where Chart.js put every
// point and where the labels plugin put each label, and checks the geometry itself.

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface Drawn {
  x: number;
  y: number;
  r: number;
}

const inside = (box: Box, x: number, y: number) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
const touches = (box: Box, p: Drawn) =>
  p.x + p.r >= box.left && p.x - p.r <= box.right && p.y + p.r >= box.top && p.y - p.r <= box.bottom;

async function draw(spec: RunChartSpec) {
  const config = buildRunChartConfig(spec);
  const labels = config.plugins!.find((p) => p.id === 'pointLabels') as PointLabelsPlugin;
  // Every dataset's drawn points (series, overlays, median and target lines), read after drawing.
  let series: Drawn[][] = [];
  const recorder: Plugin = {
    id: 'recorder',
    afterDraw(chart: Chart) {
      series = chart.data.datasets.map((_, i) =>
        (chart.getDatasetMeta(i).data as unknown as { x: number; y: number; skip?: boolean; options?: { radius?: number } }[])
          .filter((p) => !p.skip && Number.isFinite(p.y))
          .map((p) => ({ x: p.x, y: p.y, r: p.options?.radius ?? 0 })),
      );
    },
  };
  await renderPng({ ...config, plugins: [...config.plugins!, recorder] });
  const legend = config.data.datasets.map((d) => d.label ?? '');
  return { placed: labels.placed, series, legend };
}

/** What a label covers: points with their radius, and every 1 px along each drawn line. */
function covered(box: Box, series: Drawn[][]): string[] {
  const hits: string[] = [];
  series.forEach((points, d) => {
    points.forEach((p, i) => {
      if (p.r > 0 && touches(box, p)) hits.push(`dataset ${d} point ${i}`);
      const next = points[i + 1];
      if (!next) return;
      const steps = Math.ceil(Math.hypot(next.x - p.x, next.y - p.y));
      for (let s = 0; s <= steps; s++) {
        const x = p.x + ((next.x - p.x) * s) / steps;
        const y = p.y + ((next.y - p.y) * s) / steps;
        if (inside(box, x, y)) {
          hits.push(`dataset ${d} line ${i}–${i + 1}`);
          return;
        }
      }
    });
  });
  return hits;
}

function spec(values: number[], median: number): RunChartSpec {
  return {
    title: 'Weeks to recommendation',
    measureName: 'Weeks per child',
    unit: 'weeks',
    labels: values.map((_, i) => `C${1100 + i}`),
    values,
    phases: [{ start: 0, end: values.length - 1, median }],
    ruleSetName: 'IHI',
  };
}

const rising = Array.from({ length: 16 }, (_, i) => 10 + 2 * i);
const shapes: [string, RunChartSpec, boolean][] = [
  ['flat, every point on the median', spec(Array(12).fill(40), 40), false],
  ['rising to the right edge', spec(rising, 25), true],
  ['points on the median near the right edge', spec([30, 50, 28, 52, 35, 47, 40, 40, 40, 40], 40), false],
  ['a zigzag crossing the median at every point', spec(Array.from({ length: 30 }, (_, i) => (i % 2 ? 44 : 36)), 40), false],
  ['the shift example, 40 children', runChartShiftExample, true],
];

describe('the median label keeps off the data', () => {
  it.each(shapes)('%s: no point or line falls inside the label', async (_name, input, clearSpot) => {
    const { placed, series, legend } = await draw(input);
    const median = placed.filter((l) => l.text.startsWith('Median'));
    for (const label of placed) expect(covered(label.box, series), label.text).toEqual([]);
    // Where a clear spot exists the label is drawn there; the legend always names the value.
    if (clearSpot) expect(median).toHaveLength(1);
    const value = input.phases![0]!.median;
    expect(legend.some((l) => l.startsWith(`Median ${formatValue(value)} `))).toBe(true);
  });

  it('covers neither the points nor the line of a crowded chart with a target', async () => {
    const { placed, series } = await draw({ ...spec(rising, 25), target: 30 });
    expect(placed.map((l) => l.text)).toContain('Median 25');
    for (const label of placed) expect(covered(label.box, series), label.text).toEqual([]);
  });
});
