import type { RunChartAnnotation, RunChartPhase, RunChartSpec } from '../../charts/run-chart-spec.js';
import { signalPoints } from '../../domain/runchart/index.js';
import type { Programme, RuleSet } from '../../store/schemas/programme.js';
import type { MeasureAnalysis } from './analyse-measure.js';
import { milestoneLabel } from '../cases/milestone-label.js';
import type { GroupTargetLine } from './group-target-line.js';

export const RULE_SET_NAMES = { ihi: 'IHI', anhoej: 'Anhøj' } as const satisfies Record<
  RuleSet,
  string
>;

function seriesName(result: MeasureAnalysis): string {
  const { measure, view } = result;
  const unit = measure.unit.charAt(0).toUpperCase() + measure.unit.slice(1);
  if (measure.kind === 'custom') return measure.name;
  if (measure.kind === 'proportion')
    return `% within ${measure.targetWeeks} weeks, by deadline month`;
  return view === 'monthly' ? `Median ${measure.unit} per month` : `${unit} per child`;
}

function xTitle(programme: Pick<Programme, 'milestones'>, result: MeasureAnalysis): string {
  const { measure, view, points } = result;
  if (measure.kind === 'interval' && view === 'per-child') {
    return `Children, by the month they reached ${milestoneLabel(programme, measure.to!)}`;
  }
  return points[0]?.period.length === 10 ? 'Date' : 'Month';
}

/**
 * The drawing instructions for an analysed measure: medians per phase (solid over the baseline,
 * dashed where extended), the points that signal under the programme's rule set, excluded points,
 * the target and the tests of change. Needs an analysis with at least one point.
 */
export function measureChartSpec(
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  result: MeasureAnalysis,
  annotations: RunChartAnnotation[],
  options: {
    /** Whether case references may be shown (a direct message): they go in the alt text and table. */
    references?: boolean;
    /** An aim group's target line, drawn instead of the measure's own target (group-target-line.ts). */
    groupTarget?: GroupTargetLine | null;
  } = {},
): RunChartSpec {
  const { measure, points, analysis } = result;
  const { groupTarget } = options;
  if (!analysis) throw new Error('measureChartSpec needs an analysed series');
  const perChild = measure.kind === 'interval' && result.view === 'per-child';
  return {
    title: `${measure.name}${perChild ? '' : measure.kind === 'interval' ? ', monthly median' : ''}`,
    measureName: seriesName(result),
    unit: measure.unit,
    xTitle: xTitle(programme, result),
    // A child's point is placed by the date it reached the stage; the axis shows the months.
    labels: points.map((p) => p.period),
    ...(perChild && options.references ? { pointNames: points.map((p) => p.caseRef ?? '–') } : {}),
    values: points.map((p) => p.value),
    phases: analysis.phases.flatMap((p): RunChartPhase[] => {
      if (p.median === null) return [];
      const line = {
        start: p.start,
        end: p.end,
        median: p.median,
        ...(result.carriedBaseline ? { medianFromBefore: true } : {}),
      };
      // A baseline wholly before a chart window leaves none of its points in view.
      return [p.baselineEnd < p.start ? line : { ...line, baselineEnd: p.baselineEnd }];
    }),
    signalPoints: signalPoints(analysis, programme.ruleSet),
    excludedPoints: analysis.points.filter((p) => p.excluded).map((p) => p.index),
    ...(groupTarget
      ? { target: groupTarget.value, targetOf: groupTarget.groupName }
      : measure.target !== undefined
        ? { target: measure.target }
        : {}),
    annotations,
    ruleSetName: RULE_SET_NAMES[programme.ruleSet],
    sentences: result.sentences,
  };
}
