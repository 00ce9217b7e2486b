import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { commonPluginOptions, staticChartOptions } from './common-plugin-options.js';
import { formatValue } from './format-value.js';
import { formatXLabel } from './format-x-label.js';
import { neutral, okabeIto } from './palette.js';
import { parseChartSpec } from './parse-chart-spec.js';
import {
  createPointLabelsPlugin,
  type LabelPlacement,
  type PointLabel,
} from './plugins/point-labels.js';
import {
  createVerticalMarkersPlugin,
  estimateMarkerRows,
  markerBandHeight,
} from './plugins/vertical-markers.js';
import { defaultChartSize } from './chart-size.js';
import {
  type ParsedRunChartSpec,
  type RunChartSpec,
  RunChartSpecSchema,
} from './run-chart-spec.js';

/** Which colour draws what on a run chart; shapes and dashes repeat each distinction. */
export const runChartColours = {
  data: okabeIto.blue,
  median: okabeIto.green,
  signal: okabeIto.vermillion,
  excluded: neutral.muted,
  target: okabeIto.purple,
  annotation: neutral.text,
} as const;

type LineDataset = ChartDataset<'line', (number | null)[]>;

const monthPattern = /^\d{4}-\d{2}$/;

/** Keeps only the values at `indices`, so an overlay dataset draws just those points. */
function only(values: (number | null)[], indices: Set<number>): (number | null)[] {
  return values.map((v, i) => (indices.has(i) ? v : null));
}

function span(count: number, from: number, to: number, value: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => (i >= from && i <= to ? value : null));
}

function medianDatasets(spec: ParsedRunChartSpec): LineDataset[] {
  const count = spec.labels.length;
  const line = { pointRadius: 0, pointStyle: 'line' as const, borderWidth: 2.5, order: 1 };
  return spec.phases.flatMap((phase) => {
    const baselineEnd = phase.baselineEnd ?? phase.end;
    const solid: LineDataset = {
      ...line,
      label: `Median (${spec.ruleSetName} rules)`,
      data: span(count, phase.start, baselineEnd, phase.median),
      borderColor: runChartColours.median,
      backgroundColor: runChartColours.median,
    };
    if (baselineEnd === phase.end) return [solid];
    // Dashed where the frozen baseline median is carried on over later points.
    const extended: LineDataset = {
      ...solid,
      label: 'Median, extended',
      data: span(count, baselineEnd, phase.end, phase.median),
      borderDash: [7, 5],
    };
    return [solid, extended];
  });
}

function pointDatasets(spec: ParsedRunChartSpec): LineDataset[] {
  const signals = new Set(spec.signalPoints);
  const excluded = new Set(spec.excludedPoints);
  const data: LineDataset = {
    label: spec.measureName,
    data: spec.values,
    borderColor: runChartColours.data,
    backgroundColor: runChartColours.data,
    borderWidth: 2,
    pointStyle: 'circle',
    // Signal and excluded points are drawn by their own overlays, with their own shapes.
    pointRadius: spec.values.map((_, i) => (signals.has(i) || excluded.has(i) ? 0 : 3.5)),
    spanGaps: false,
    order: 0,
  };
  const datasets = [data];
  if (signals.size > 0) {
    datasets.push({
      label: `Signal (${spec.ruleSetName} rules)`,
      data: only(spec.values, signals),
      showLine: false,
      pointStyle: 'triangle',
      pointRadius: 7,
      borderColor: runChartColours.signal,
      backgroundColor: runChartColours.signal,
      order: -2,
    });
  }
  if (excluded.size > 0) {
    datasets.push({
      label: 'Excluded',
      data: only(spec.values, excluded),
      showLine: false,
      pointStyle: 'crossRot',
      pointRadius: 6,
      borderWidth: 2,
      borderColor: runChartColours.excluded,
      backgroundColor: neutral.background,
      order: -1,
    });
  }
  return datasets;
}

function targetDataset(spec: ParsedRunChartSpec, target: number): LineDataset {
  return {
    label: `Target: ${formatValue(target)} ${spec.unit}`,
    data: spec.labels.map(() => target),
    borderColor: runChartColours.target,
    backgroundColor: runChartColours.target,
    borderDash: [3, 3],
    borderWidth: 2,
    pointRadius: 0,
    pointStyle: 'line',
    order: 2,
  };
}

/** Places along a horizontal line from `to` back to `from`, above then below, to try in order. */
function placesAlong(from: number, to: number, y: number): LabelPlacement[] {
  const places: LabelPlacement[] = [
    { x: to, y, align: 'left', position: 'above' },
    { x: to, y, align: 'left', position: 'below' },
  ];
  for (let x = to; x >= from; x--) {
    places.push(
      { x, y, align: 'center', position: 'above' },
      { x, y, align: 'center', position: 'below' },
    );
  }
  return places;
}

/** "Median 40" on each phase's line and "Target" on the target line, clear of the points. */
function lineLabels(spec: ParsedRunChartSpec): PointLabel[] {
  const labels: PointLabel[] = spec.phases.map((phase) => {
    const [first, ...alternatives] = placesAlong(phase.start, phase.end, phase.median);
    return { ...first, text: `Median ${formatValue(phase.median)}`, alternatives };
  });
  if (spec.target !== undefined) {
    const [first, ...alternatives] = placesAlong(0, spec.labels.length - 1, spec.target);
    labels.push({ ...first, text: 'Target', alternatives });
  }
  return labels;
}

/**
 * The Chart.js configuration of a run chart: the series, one median line per phase (solid over
 * its baseline, dashed where extended), signal points as larger triangles, excluded points as
 * crosses, an optional dashed target, and tests of change as labelled vertical markers.
 * Pure apart from measuring label text, so tests can inspect exactly what will be drawn.
 */
export function buildRunChartConfig(
  input: RunChartSpec,
): ChartConfiguration<'line', (number | null)[], string> {
  const spec = parseChartSpec(RunChartSpecSchema, input, 'run chart');
  const count = spec.labels.length;
  const last = Math.max(count - 1, 1);
  const rows = estimateMarkerRows(
    spec.annotations.map((a) => a.index / last),
    spec.annotations.map((a) => a.label),
    defaultChartSize.width,
  );
  const monthly = spec.labels.every((label) => monthPattern.test(label));
  const xTitle = spec.xTitle ?? (monthly ? 'Month' : undefined);
  const datasets = [...pointDatasets(spec), ...medianDatasets(spec)];
  if (spec.target !== undefined) datasets.push(targetDataset(spec, spec.target));
  return {
    type: 'line',
    data: { labels: spec.labels.map((label) => formatXLabel(label)), datasets },
    options: {
      ...staticChartOptions,
      scales: {
        x: {
          type: 'category',
          title: { display: xTitle !== undefined, text: xTitle ?? '' },
          // Level labels, thinned by Chart.js, read better on a phone than a rotated wall of refs.
          ticks: { maxRotation: 0, autoSkipPadding: 10 },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          grace: '5%',
          title: { display: true, text: spec.unit },
        },
      },
      plugins: commonPluginOptions(spec.title, markerBandHeight(rows)),
    },
    plugins: [
      createVerticalMarkersPlugin(
        spec.annotations.map((a) => ({ x: a.index, label: a.label })),
        rows,
        runChartColours.annotation,
      ),
      createPointLabelsPlugin(lineLabels(spec)),
    ],
  };
}
