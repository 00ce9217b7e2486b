import type { MeasurePoint } from '../../../domain/measures/index.js';
import { ValidationError } from '../../../errors.js';
import type { Actor } from '../../../store/schemas/common.js';
import type { MeasureSettings } from '../../../store/schemas/measure.js';
import { indexOfStart } from '../../../programme/measures/chart-settings.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { hasPoint, resolvePoint, type PointWords } from './resolve-point.js';

export interface SettingsChange {
  settings: MeasureSettings;
  action: string;
  /** What changed, for the reply. */
  done: string;
}

export interface ChangeInput {
  settings: MeasureSettings;
  /** The measure's points in its default view, over all its data. */
  points: readonly MeasurePoint[];
  /** Further points a period may name (the monthly view of an interval measure). */
  otherPoints: readonly MeasurePoint[];
  stamp: { reason: string; by: Actor; at: Date };
  /** What the measure's chart centres on: a run chart's median, or a control chart's line and limits. */
  centre?: 'median' | 'mean' | 'median and limits';
  /** How points are named and said back (case references, or dates in a channel). */
  words?: PointWords;
}

/** "the median", "the mean and limits": what a baseline, phase or exclusion changes, for the reply. */
function centreOf(input: ChangeInput): { words: string; plural: boolean } {
  const centre = input.centre ?? 'median';
  return centre === 'median' ? { words: 'median', plural: false } : { words: centre === 'mean' ? 'mean and limits' : centre, plural: true };
}

const CLEAR = /^(?:off|clear|none|remove)$/i;

export function changeBaseline(input: ChangeInput, said: string): SettingsChange {
  const { settings, points, stamp } = input;
  const centre = centreOf(input);
  const come = centre.plural ? 'come' : 'comes';
  if (CLEAR.test(said)) {
    if (!settings.freeze)
      throw new ValidationError('no_baseline', 'There is no baseline to remove.');
    const { freeze: _removed, ...rest } = settings;
    return {
      settings: rest,
      action: 'baseline_clear',
      done: `Baseline removed: the ${centre.words} ${come} from all the points again.`,
    };
  }
  const count = Number(said);
  if (!Number.isInteger(count) || count < 1) {
    throw new ValidationError(
      'bad_baseline',
      'Say how many of the first points make the baseline, e.g. `baseline 12`, or `baseline off`.',
    );
  }
  const through = points[count - 1];
  if (!through)
    throw new ValidationError(
      'bad_baseline',
      `There are only ${points.length} points so far, so the baseline can't be ${count}.`,
    );
  const freeze = {
    count,
    throughPeriod: through.period,
    ...(through.caseRef ? { throughCaseRef: through.caseRef } : {}),
    ...stamp,
  };
  const shaky = centre.plural
    ? count < 20
      ? ' (Fewer than 20 points make rough limits: consider more.)'
      : ''
    : count < 10
      ? ' (Fewer than 10 points make a shaky median: consider more.)'
      : '';
  const to = !through.caseRef ? through.period : input.words?.references === false ? describePeriod(through.period) : through.caseRef;
  // Phases win over a baseline (chart-settings.ts): said now, not only later under the chart.
  if (settings.phases.length > 0) {
    return {
      settings: { ...settings, freeze },
      action: 'baseline',
      done:
        `Baseline kept (the first ${count} points, to ${to}), but set aside while the chart is split into phases: each phase has its own ${centre.words}. ` +
        'Remove the phases (`measure <measure> phase remove <point> "why"`) for the baseline to take effect.',
    };
  }
  return {
    settings: { ...settings, freeze },
    action: 'baseline',
    done: `Baseline set: the ${centre.words} now ${come} from the first ${count} points (to ${to}), and the rules still run over every point.${shaky}`,
  };
}

export function changePhase(input: ChangeInput, said: string): SettingsChange {
  const { settings, points, stamp } = input;
  const removing = /^(?:remove|clear)\s+/i.exec(said);
  const point = resolvePoint(removing ? said.slice(removing[0].length) : said, points, input.words);
  const same = (p: MeasureSettings['phases'][number]) =>
    p.startPeriod === point.period && p.startCaseRef === point.caseRef;
  if (removing) {
    if (!settings.phases.some(same))
      throw new ValidationError('no_phase', `No phase starts at ${point.label}.`);
    return {
      settings: { ...settings, phases: settings.phases.filter((p) => !same(p)) },
      action: 'phase_remove',
      done: `The phase from ${point.label} is removed.`,
    };
  }
  const index = indexOfStart(points, point.period, point.caseRef);
  if (index === 0)
    throw new ValidationError(
      'bad_phase',
      `${point.label} is the first point: a new phase has to start later.`,
    );
  if (index < 0)
    throw new ValidationError(
      'bad_phase',
      `There are no points from ${point.label} on, so no phase can start there yet.`,
    );
  if (settings.phases.some(same))
    throw new ValidationError('phase_exists', `A phase already starts at ${point.label}.`);
  const phases = [
    ...settings.phases,
    {
      startPeriod: point.period,
      ...(point.caseRef ? { startCaseRef: point.caseRef } : {}),
      ...stamp,
    },
  ].sort(
    (a, b) =>
      indexOfStart(points, a.startPeriod, a.startCaseRef) -
      indexOfStart(points, b.startPeriod, b.startCaseRef),
  );
  const frozen = settings.freeze
    ? ' The baseline is set aside while the chart is split into phases.'
    : '';
  return {
    settings: { ...settings, phases },
    action: 'phase',
    done: `New phase from ${point.label}: each part gets its own ${centreOf(input).words} and is judged on its own.${frozen}`,
  };
}

export function changeExclusion(input: ChangeInput, said: string, include: boolean): SettingsChange {
  const { settings, points, otherPoints, stamp } = input;
  const centre = centreOf(input).words.replace(' and limits', ', the limits');
  const point = resolvePoint(said, points, input.words);
  const key = point.caseRef ?? point.period;
  const excluded = settings.exclusions.some((e) => e.point === key);
  if (include) {
    if (!excluded) throw new ValidationError('not_excluded', `${point.label} is not excluded.`);
    return {
      settings: { ...settings, exclusions: settings.exclusions.filter((e) => e.point !== key) },
      action: 'include',
      done: `${point.label.charAt(0).toUpperCase()}${point.label.slice(1)} is back in the ${centre} and the rules.`,
    };
  }
  if (excluded)
    throw new ValidationError('already_excluded', `${point.label} is already excluded.`);
  if (!point.caseRef && !hasPoint([...points, ...otherPoints], point.period)) {
    throw new ValidationError(
      'no_such_point',
      `There is no point for ${point.label} on this chart.`,
    );
  }
  return {
    settings: { ...settings, exclusions: [...settings.exclusions, { point: key, ...stamp }] },
    action: 'exclude',
    done: `Excluded ${point.label}: it stays on the chart, marked, but is left out of the ${centre} and every rule.`,
  };
}

const CHART_KINDS: Record<string, 'run' | 'control' | 'auto'> = {
  run: 'run',
  'run chart': 'run',
  control: 'control',
  'control chart': 'control',
  spc: 'control',
  auto: 'auto',
  default: 'auto',
};

/**
 * `chart run|control|auto`: which chart the measure shows. Without a choice a measure gets a
 * control chart from 20 points when its data has one (shares as "17 of 20", counts, times per child).
 */
export function changeChart({ settings, stamp }: ChangeInput, said: string): SettingsChange {
  const kind = CHART_KINDS[said.trim().toLowerCase()];
  if (!kind) {
    throw new ValidationError(
      'bad_chart',
      'Say which chart: `chart run`, `chart control`, or `chart auto` (a control chart from 20 points on, when the data suits one).',
    );
  }
  if (kind === 'auto') {
    if (!settings.chart) throw new ValidationError('no_chart_choice', 'The chart is already chosen automatically. Nothing changed.');
    const { chart: _removed, ...rest } = settings;
    return {
      settings: rest,
      action: 'chart_auto',
      done: 'The chart is chosen automatically again: a control chart from 20 points on when the data suits one, a run chart before.',
    };
  }
  if (settings.chart?.kind === kind) {
    throw new ValidationError('same_chart', `It already shows a ${kind} chart. Nothing changed.`);
  }
  return {
    settings: { ...settings, chart: { kind, ...stamp } },
    action: `chart_${kind}`,
    done:
      kind === 'run'
        ? 'It now always shows a run chart (median and the run rules), however many points it has.'
        : 'It now shows a control chart (mean, 3-sigma limits and the Anhøj rules), even before 20 points: with few points the limits are rough, so read them with care.',
  };
}
