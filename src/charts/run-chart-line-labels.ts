import { formatValue } from './format-value.js';
import type { LabelPlacement, PointLabel } from './plugins/point-labels.js';
import type { ParsedRunChartSpec } from './run-chart-spec.js';

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

/**
 * "Median 40" on each phase's line and "Target" on the target line, where they cover no point and
 * no line; where every place along the line would, the label is left out (the legend names both).
 */
export function runChartLineLabels(spec: ParsedRunChartSpec): PointLabel[] {
  const labels: PointLabel[] = spec.phases.map((phase) => {
    const [first, ...alternatives] = placesAlong(phase.start, phase.end, phase.median);
    return { ...first, text: `Median ${formatValue(phase.median)}`, alternatives, onlyWhereClear: true };
  });
  if (spec.target !== undefined) {
    const [first, ...alternatives] = placesAlong(0, spec.labels.length - 1, spec.target);
    labels.push({ ...first, text: 'Target', alternatives, onlyWhereClear: true });
  }
  return labels;
}
