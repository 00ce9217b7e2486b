import { CONTROL_CHART_NAMES, type ControlChartSpec } from '../../charts/control-chart-spec.js';
import type { RunChartSpec } from '../../charts/run-chart-spec.js';
import type { MeasureControl } from './control-measure.js';

const scaled = (x: number | null, scale: number) => (x === null ? null : x * scale);

/**
 * The control chart's drawing instructions, built on the measure's run-chart spec so the two keep
 * the same title, labels, axis titles, target and tests of change.
 */
export function controlMeasureChartSpec(run: RunChartSpec, control: MeasureControl): ControlChartSpec {
  const { analysis, scale, type } = control;
  const points = analysis.points;
  return {
    title: `${run.title} (${CONTROL_CHART_NAMES[type]})`,
    chartType: type,
    measureName: run.measureName,
    unit: run.unit,
    ...(run.xTitle ? { xTitle: run.xTitle } : {}),
    labels: run.labels,
    // Present only where references may go (a direct message): for the alt text and table.
    ...(run.pointNames ? { pointNames: run.pointNames } : {}),
    values: points.map((p) => scaled(p.y, scale)),
    lcl: points.map((p) => scaled(p.lcl, scale)),
    ucl: points.map((p) => scaled(p.ucl, scale)),
    phases: analysis.phases.flatMap((phase) =>
      phase.centre === null
        ? []
        : [
            {
              start: phase.start,
              end: phase.end,
              centre: phase.centre * scale,
              // A baseline that ended before the window: drawn extended from the first point, and
              // said to come from before it (it read "from the baseline X to X").
              ...(phase.baselineEnd < phase.start
                ? { baselineEnd: phase.start, centreFromBefore: true }
                : phase.baselineEnd < phase.end
                  ? { baselineEnd: phase.baselineEnd }
                  : {}),
            },
          ],
    ),
    outsidePoints: points.filter((p) => p.outside !== null).map((p) => p.index),
    runPoints: points.filter((p) => p.inLongRun).map((p) => p.index),
    excludedPoints: points.filter((p) => p.excluded).map((p) => p.index),
    ...(run.target !== undefined ? { target: run.target } : {}),
    ...(run.targetOf ? { targetOf: run.targetOf } : {}),
    annotations: run.annotations ?? [],
    ...(run.sentences ? { sentences: run.sentences } : {}),
  };
}
