import { centreLineName, limitsCollapsed, type ParsedControlChartSpec } from './control-chart-spec.js';
import { formatValue } from './format-value.js';
import type { LabelPlacement, PointLabel } from './plugins/point-labels.js';

/** Places along a line from its last point back to its first, above then below, in order of preference. */
function placesAlong(from: number, to: number, yAt: (i: number) => number | null): LabelPlacement[] {
  const places: LabelPlacement[] = [];
  const last = yAt(to);
  if (last !== null) {
    places.push({ x: to, y: last, align: 'left', position: 'above' }, { x: to, y: last, align: 'left', position: 'below' });
  }
  for (let x = to; x >= from; x--) {
    const y = yAt(x);
    if (y === null) continue;
    places.push({ x, y, align: 'center', position: 'above' }, { x, y, align: 'center', position: 'below' });
  }
  return places;
}

function label(text: string, places: LabelPlacement[]): PointLabel[] {
  const [first, ...alternatives] = places;
  return first ? [{ ...first, text, alternatives }] : [];
}

/**
 * "Mean 12.4" on each phase's centre line, and "Upper limit" / "Lower limit" at the end of the last
 * phase's limits, each placed clear of the points. On P and U charts the limits step, so their
 * labels name no single value.
 */
export function controlChartLineLabels(spec: ParsedControlChartSpec): PointLabel[] {
  const labels = spec.phases.flatMap((phase) =>
    label(
      `${centreLineName(spec.chartType)} ${formatValue(phase.centre)}`,
      placesAlong(phase.start, phase.end, () => phase.centre),
    ),
  );
  const last = spec.phases.at(-1);
  if (last && !limitsCollapsed(spec, last)) {
    const stepped = spec.chartType === 'p' || spec.chartType === 'u';
    for (const [name, limits, position] of [
      ['Upper limit', spec.ucl, 'above'],
      ['Lower limit', spec.lcl, 'below'],
    ] as const) {
      const end = limits[last.end];
      // A lower limit of 0 on a chart starting at 0 would sit on the axis: the legend says enough.
      if (end === null || end === undefined || (name === 'Lower limit' && end === 0) || end === last.centre) continue;
      const text = stepped ? name : `${name} ${formatValue(end)}`;
      const places = placesAlong(last.start, last.end, (i) => limits[i] ?? null).map((p) => ({
        ...p,
        position: p.position === 'above' || p.position === 'below' ? position : p.position,
      }));
      labels.push(...label(text, places));
    }
  }
  if (spec.target !== undefined) {
    labels.push(...label('Target', placesAlong(0, spec.labels.length - 1, () => spec.target!)));
  }
  return labels;
}
