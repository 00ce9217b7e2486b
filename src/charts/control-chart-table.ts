import type { ParsedControlChartSpec } from './control-chart-spec.js';
import { formatValue } from './format-value.js';
import { formatXLabel } from './format-x-label.js';
import { valueHeading } from './value-heading.js';
import type { ChartTable } from './run-chart-table.js';

const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatValue(value));

/**
 * The control chart's points as a table, laid out as the run chart's (run-chart-table.ts): when,
 * the child's reference where the spec carries references (only where they may be shown), the
 * value, the limits at that point, and whether it is outside them, in a long run, excluded or missing.
 */
export function controlChartTable(spec: ParsedControlChartSpec): ChartTable {
  const dated = spec.labels.every((label) => /^\d{4}-\d{2}-\d{2}$/.test(label));
  const names = spec.pointNames;
  const outside = new Set(spec.outsidePoints);
  const inRun = new Set(spec.runPoints);
  const excluded = new Set(spec.excludedPoints);
  // The point's number, as the chart's words and a lead's settings commands count them.
  const columns = [
    '#',
    dated ? 'Reached' : 'Point',
    ...(names ? ['Child'] : []),
    valueHeading(spec.measureName, spec.unit),
    'Lower limit',
    'Upper limit',
    'Note',
  ];
  const rows = spec.labels.map((label, i) => {
    const value = spec.values[i];
    const note =
      value === null || value === undefined
        ? 'Missing'
        : excluded.has(i)
          ? 'Excluded'
          : outside.has(i)
            ? 'Outside the limits'
            : inRun.has(i)
              ? 'In a long run'
              : '';
    return [String(i + 1), formatXLabel(label), ...(names ? [names[i]!] : []), number(value), number(spec.lcl[i]), number(spec.ucl[i]), note];
  });
  return { columns, rows };
}
