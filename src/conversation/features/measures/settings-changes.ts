import type { MeasurePoint } from '../../../domain/measures/index.js';
import { ValidationError } from '../../../errors.js';
import type { Actor } from '../../../store/schemas/common.js';
import type { MeasureSettings } from '../../../store/schemas/measure.js';
import { indexOfStart } from '../../../programme/measures/chart-settings.js';
import { hasPoint, resolvePoint } from './resolve-point.js';

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
}

const CLEAR = /^(?:off|clear|none|remove)$/i;

export function changeBaseline(
  { settings, points, stamp }: ChangeInput,
  said: string,
): SettingsChange {
  if (CLEAR.test(said)) {
    if (!settings.freeze)
      throw new ValidationError('no_baseline', 'There is no baseline to remove.');
    const { freeze: _removed, ...rest } = settings;
    return {
      settings: rest,
      action: 'baseline_clear',
      done: 'Baseline removed: the median comes from all the points again.',
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
  const shaky = count < 10 ? ' (Fewer than 10 points make a shaky median: consider more.)' : '';
  return {
    settings: { ...settings, freeze },
    action: 'baseline',
    done: `Baseline set: the median now comes from the first ${count} points (to ${through.caseRef ?? through.period}), and the rules still run over every point.${shaky}`,
  };
}

export function changePhase(
  { settings, points, stamp }: ChangeInput,
  said: string,
): SettingsChange {
  const removing = /^(?:remove|clear)\s+/i.exec(said);
  const point = resolvePoint(removing ? said.slice(removing[0].length) : said, points);
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
    done: `New phase from ${point.label}: each part gets its own median and is judged on its own.${frozen}`,
  };
}

export function changeExclusion(
  { settings, points, otherPoints, stamp }: ChangeInput,
  said: string,
  include: boolean,
): SettingsChange {
  const point = resolvePoint(said, points);
  const key = point.caseRef ?? point.period;
  const excluded = settings.exclusions.some((e) => e.point === key);
  if (include) {
    if (!excluded) throw new ValidationError('not_excluded', `${point.label} is not excluded.`);
    return {
      settings: { ...settings, exclusions: settings.exclusions.filter((e) => e.point !== key) },
      action: 'include',
      done: `${point.label} is back in the median and the rules.`,
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
    done: `Excluded ${point.label}: it stays on the chart, marked, but is left out of the median and every rule.`,
  };
}
