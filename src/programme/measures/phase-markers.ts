import type { RunChartAnnotation } from '../../charts/run-chart-spec.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { indexOfStart } from './chart-settings.js';
import type { MeasureDefinition } from './measure-catalogue.js';

/**
 * A marker at each phase a lead started at a test of change (an accepted proposal), labelled
 * "New phase (T-12)", so the break on the chart says which test it belongs to.
 */
export function phaseMarkers(measure: Pick<MeasureDefinition, 'settings'>, points: readonly MeasurePoint[]): RunChartAnnotation[] {
  return measure.settings.phases.flatMap((phase) => {
    if (!phase.testNumber) return [];
    const index = indexOfStart(points, phase.startPeriod, phase.startCaseRef);
    return index > 0 ? [{ index, label: `New phase (${cycleId(phase.testNumber)})` }] : [];
  });
}
