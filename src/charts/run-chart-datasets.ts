import type { ChartDataset } from 'chart.js';
import { targetWords } from './target-words.js';
import { formatValue } from './format-value.js';
import { neutral, okabeIto } from './palette.js';
import type { ParsedRunChartSpec } from './run-chart-spec.js';

/** Which colour draws what on a run chart; shapes and dashes repeat each distinction. */
export const runChartColours = {
  data: okabeIto.blue,
  median: okabeIto.green,
  signal: okabeIto.vermillion,
  excluded: neutral.muted,
  target: okabeIto.purple,
  annotation: neutral.text,
} as const;

export type LineDataset = ChartDataset<'line', (number | null)[]>;

/** Keeps only the values at `indices`, so an overlay dataset draws just those points. */
export function only(values: (number | null)[], indices: Set<number>): (number | null)[] {
  return values.map((v, i) => (indices.has(i) ? v : null));
}

/** Excluded points as grey crosses over the series, on the run chart and the control chart alike. */
export function excludedDataset(values: (number | null)[], excluded: Set<number>, colour: string): LineDataset {
  return {
    label: 'Excluded',
    data: only(values, excluded),
    showLine: false,
    pointStyle: 'crossRot',
    pointRadius: 6,
    borderWidth: 2,
    borderColor: colour,
    backgroundColor: neutral.background,
    order: -1,
  };
}

function span(count: number, from: number, to: number, value: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => (i >= from && i <= to ? value : null));
}

function medianDatasets(spec: ParsedRunChartSpec): LineDataset[] {
  const count = spec.labels.length;
  const line = { pointRadius: 0, pointStyle: 'line' as const, borderWidth: 2.5, order: 1 };
  // The legend names the value(s): the label on the line is left out where it would cover data.
  const values = spec.phases.map((phase) => formatValue(phase.median)).join(', then ');
  return spec.phases.flatMap((phase) => {
    const baselineEnd = phase.baselineEnd ?? (phase.medianFromBefore ? phase.start - 1 : phase.end);
    const solid: LineDataset = {
      ...line,
      label: `Median ${values} (${spec.ruleSetName} rules)`,
      data: span(count, phase.start, baselineEnd, phase.median),
      borderColor: runChartColours.median,
      backgroundColor: runChartColours.median,
    };
    if (baselineEnd === phase.end) return [solid];
    // Dashed where the frozen baseline median is carried on over later points.
    const extended: LineDataset = {
      ...solid,
      label: 'Median, extended',
      data: span(count, Math.max(baselineEnd, phase.start), phase.end, phase.median),
      borderDash: [7, 5],
    };
    // A solid part of one point or none draws no line, so the legend must not promise one.
    if (baselineEnd <= phase.start) {
      return [{ ...extended, label: `Baseline median ${values}, extended (${spec.ruleSetName} rules)` }];
    }
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
    datasets.push(excludedDataset(spec.values, excluded, runChartColours.excluded));
  }
  return datasets;
}

function targetDataset(spec: ParsedRunChartSpec, target: number): LineDataset {
  return {
    label: `Target: ${targetWords({ ...spec, target })}`,
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

/**
 * The run chart's datasets in legend order: the series, its signal and excluded overlays, the
 * median lines and the target. Overlays that would be empty are left out of the legend.
 */
export function runChartDatasets(spec: ParsedRunChartSpec): LineDataset[] {
  const datasets = [...pointDatasets(spec), ...medianDatasets(spec)];
  if (spec.target !== undefined) datasets.push(targetDataset(spec, spec.target));
  return datasets;
}
