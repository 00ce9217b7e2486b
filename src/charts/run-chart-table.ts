import { formatValue } from './format-value.js';
import { formatXLabel } from './format-x-label.js';
import { valueHeading } from './value-heading.js';
import type { ParsedRunChartSpec } from './run-chart-spec.js';

/** A chart's data as rows of text, for people who would rather read the numbers than the picture. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/**
 * The run chart's points as a table: when (the month, or the date a child reached the stage), the
 * child's reference where the spec carries references (only where they may be shown), the value,
 * and whether the point is a signal, excluded or missing.
 */
export function runChartTable(spec: ParsedRunChartSpec): ChartTable {
  const dated = spec.labels.every((label) => /^\d{4}-\d{2}-\d{2}$/.test(label));
  const names = spec.pointNames;
  const signals = new Set(spec.signalPoints);
  const excluded = new Set(spec.excludedPoints);
  // The point's number: the chart's words ("point 13") and a lead's settings commands
  // (`baseline 12`, `phase from point 13`) count points, and the table is where a reader counts.
  const columns = [
    '#',
    dated ? 'Reached' : 'Point',
    ...(names ? ['Child'] : []),
    valueHeading(spec.measureName, spec.unit),
    'Note',
  ];
  const rows = spec.labels.map((label, i) => {
    const value = spec.values[i];
    const note =
      value === null || value === undefined ? 'Missing' : excluded.has(i) ? 'Excluded' : signals.has(i) ? 'Signal' : '';
    return [
      String(i + 1),
      formatXLabel(label),
      ...(names ? [names[i]!] : []),
      value === null || value === undefined ? '' : formatValue(value),
      note,
    ];
  });
  return { columns, rows };
}
