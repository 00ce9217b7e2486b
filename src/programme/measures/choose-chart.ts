import type { MeasurePoint } from '../../domain/measures/index.js';
import type { ControlChartType } from '../../domain/spc/index.js';
import type { ChartView } from './chart-window.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { unitKind } from './unit-kind.js';

/**
 * Control limits from fewer points are too loose to trust, and a run chart says as much with
 * less: the run chart stays the default until a measure has this many points.
 */
export const CONTROL_CHART_MIN_POINTS = 20;

export type MeasureChartChoice =
  | { kind: 'run'; type: ControlChartType; present: number; asked: boolean }
  | { kind: 'control'; type: ControlChartType; present: number; asked: boolean };

const hasCounts = (points: readonly MeasurePoint[]) => {
  const present = points.filter((p) => p.value !== null);
  return present.length > 0 && present.every((p) => p.numerator !== undefined && p.denominator !== undefined && p.denominator > 0);
};

/**
 * Which control chart fits the measure's data: P for shares known as "17 of 20" (a custom measure
 * recorded that way, or the % of children within target), C for counts of things, and I for
 * everything else (times per child, monthly medians, shares typed as a bare %).
 */
export function controlChartType(
  measure: Pick<MeasureDefinition, 'kind' | 'unit'>,
  points: readonly MeasurePoint[],
): ControlChartType {
  if ((measure.kind === 'custom' || measure.kind === 'proportion') && hasCounts(points)) return 'p';
  if (measure.kind === 'custom' && unitKind(measure.unit) === 'count') return 'c';
  return 'i';
}

/**
 * Run chart or control chart. A lead's setting (`measure <x> chart run|control`) or a request's
 * word decides; otherwise a measure whose data has a natural control chart (shares with counts,
 * counts, a time per child) gets one from 20 points on, and the run chart before that.
 */
export function chooseChart(
  measure: Pick<MeasureDefinition, 'kind' | 'unit' | 'settings'>,
  view: ChartView,
  points: readonly MeasurePoint[],
  requested?: 'run' | 'control',
): MeasureChartChoice {
  const type = controlChartType(measure, points);
  const present = points.filter((p) => p.value !== null).length;
  const wanted = requested ?? measure.settings.chart?.kind;
  if (wanted) return { kind: present >= 2 ? wanted : 'run', type, present, asked: true };
  const natural =
    type === 'p' || type === 'c' || (measure.kind === 'interval' && view === 'per-child');
  const kind = natural && present >= CONTROL_CHART_MIN_POINTS ? 'control' : 'run';
  return { kind, type, present, asked: false };
}
