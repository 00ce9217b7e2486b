import { centreLineName, limitsCollapsed, type ParsedControlChartSpec } from './control-chart-spec.js';
import { targetWords } from './target-words.js';
import { neutral, okabeIto } from './palette.js';
import { excludedDataset, only, type LineDataset } from './run-chart-datasets.js';

/** Which colour draws what on a control chart; shapes and dashes repeat each distinction. */
export const controlChartColours = {
  data: okabeIto.blue,
  centre: okabeIto.green,
  limits: neutral.muted,
  outside: okabeIto.vermillion,
  run: okabeIto.orange,
  excluded: neutral.muted,
  target: okabeIto.purple,
  annotation: neutral.text,
} as const;

const within = (values: (number | null)[], from: number, to: number) =>
  values.map((v, i) => (i >= from && i <= to ? v : null));

function pointDatasets(spec: ParsedControlChartSpec): LineDataset[] {
  const outside = new Set(spec.outsidePoints);
  const run = new Set(spec.runPoints.filter((i) => !outside.has(i)));
  const excluded = new Set(spec.excludedPoints);
  const datasets: LineDataset[] = [
    {
      label: spec.measureName,
      data: spec.values,
      borderColor: controlChartColours.data,
      backgroundColor: controlChartColours.data,
      borderWidth: 2,
      pointStyle: 'circle',
      pointRadius: spec.values.map((_, i) => (outside.has(i) || run.has(i) || excluded.has(i) ? 0 : 3.5)),
      spanGaps: false,
      order: 0,
    },
  ];
  if (outside.size > 0) {
    datasets.push({
      label: 'Outside the limits',
      data: only(spec.values, outside),
      showLine: false,
      pointStyle: 'triangle',
      pointRadius: 7,
      borderColor: controlChartColours.outside,
      backgroundColor: controlChartColours.outside,
      order: -3,
    });
  }
  if (run.size > 0) {
    datasets.push({
      label: 'In a long run (Anhøj rules)',
      data: only(spec.values, run),
      showLine: false,
      pointStyle: 'rect',
      pointRadius: 5,
      borderColor: controlChartColours.run,
      backgroundColor: controlChartColours.run,
      order: -2,
    });
  }
  if (excluded.size > 0) {
    datasets.push(excludedDataset(spec.values, excluded, controlChartColours.excluded));
  }
  return datasets;
}

function centreDatasets(spec: ParsedControlChartSpec): LineDataset[] {
  const count = spec.labels.length;
  const name = centreLineName(spec.chartType);
  const line = { pointRadius: 0, pointStyle: 'line' as const, borderWidth: 2.5, order: 1 };
  return spec.phases.flatMap((phase) => {
    const span = (from: number, to: number) =>
      Array.from({ length: count }, (_, i) => (i >= from && i <= to ? phase.centre : null));
    const baselineEnd = phase.baselineEnd ?? phase.end;
    const solid: LineDataset = {
      ...line,
      label: name,
      data: span(phase.start, baselineEnd),
      borderColor: controlChartColours.centre,
      backgroundColor: controlChartColours.centre,
    };
    if (baselineEnd >= phase.end) return [solid];
    const extended: LineDataset = { ...solid, label: `${name}, extended`, data: span(baselineEnd, phase.end), borderDash: [7, 5] };
    // A baseline of one point in view (or none) draws no solid line: the legend must not promise one.
    if (baselineEnd <= phase.start) return [{ ...extended, label: `Baseline ${name.toLowerCase()}, extended` }];
    return [solid, extended];
  });
}

/**
 * The limits, one pair of datasets per phase so no line joins two phases. On P and U charts the
 * limits change with each point's denominator, so they are drawn as steps.
 */
function limitDatasets(spec: ParsedControlChartSpec): LineDataset[] {
  const stepped = spec.chartType === 'p' || spec.chartType === 'u';
  const phases = spec.phases.filter((phase) => !limitsCollapsed(spec, phase));
  return phases.flatMap((phase) =>
    [spec.ucl, spec.lcl].map((limits) => ({
      label: 'Control limits (3 sigma)',
      data: within(limits, phase.start, phase.end),
      borderColor: controlChartColours.limits,
      backgroundColor: controlChartColours.limits,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line' as const,
      spanGaps: false,
      ...(stepped ? { stepped: 'middle' as const } : {}),
      order: 2,
    })),
  ).filter((dataset) => dataset.data.some((v) => v !== null));
}

/**
 * The control chart's datasets in legend order: the series and its overlays, the centre line(s),
 * the limits and the target. Empty overlays are left out of the legend.
 */
export function controlChartDatasets(spec: ParsedControlChartSpec): LineDataset[] {
  const datasets = [...pointDatasets(spec), ...centreDatasets(spec), ...limitDatasets(spec)];
  if (spec.target !== undefined) {
    datasets.push({
      label: `Target: ${targetWords(spec)}`,
      data: spec.labels.map(() => spec.target!),
      borderColor: controlChartColours.target,
      backgroundColor: controlChartColours.target,
      borderDash: [3, 3],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
      order: 3,
    });
  }
  return datasets;
}


