import {
  type CaseMilestones,
  customMeasureSeries,
  intervalMeasure,
  type MeasurePoint,
  proportionMeasure,
  waitingList,
} from '../../domain/measures/index.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import type { ChartView, ChartWindow } from './chart-window.js';
import type { MeasureDefinition } from './measure-catalogue.js';

export interface SeriesOptions {
  view: ChartView;
  window: ChartWindow;
  /** The programme's local date (YYYY-MM-DD). */
  today: string;
}

export interface MeasureSeries {
  points: MeasurePoint[];
  /** Interval measures: children who reached the start but not yet the end, so are not on the chart. */
  waiting: number;
  /** The month in progress (YYYY-MM), when a month-by-month series left it out. */
  partialMonth?: string;
}

type Store = Pick<WorkspaceStore, 'dataPoints'>;

const inWindow = (period: string, window: ChartWindow) =>
  (!window.since || period.slice(0, 7) >= window.since) &&
  (!window.until || period.slice(0, 7) <= window.until);

/** The measure's points in time order for one view and window, computed from cases or entered values. */
export async function measureSeries(
  store: Store,
  measure: MeasureDefinition,
  cases: readonly CaseMilestones[],
  { view, window, today }: SeriesOptions,
): Promise<MeasureSeries> {
  const range = {
    ...(window.since ? { since: window.since } : {}),
    ...(window.until ? { until: window.until } : {}),
  };
  if (measure.kind === 'custom') {
    const values = await store.dataPoints.find({ measureKey: measure.key }).toArray();
    const points = customMeasureSeries(
      values.map(({ period, value, numerator, denominator }) => ({
        period,
        value,
        ...(numerator !== undefined && denominator !== undefined ? { numerator, denominator } : {}),
      })),
    );
    return { points: points.filter((p) => inWindow(p.period, window)), waiting: 0 };
  }
  const derived = derivedSeries(measure, cases, { view, today, range });
  // A month still in progress is not a result yet: 5 days of December read as "0 %" for December.
  const month = today.slice(0, 7);
  const monthly = measure.kind === 'proportion' || view === 'monthly';
  if (!monthly || !derived.points.some((p) => p.period === month)) return derived;
  return { ...derived, points: derived.points.filter((p) => p.period !== month), partialMonth: month };
}

/** A measure computed from children's milestone dates, in one view. */
function derivedSeries(
  measure: MeasureDefinition,
  cases: readonly CaseMilestones[],
  { view, today, range }: { view: ChartView; today: string; range: { since?: string; until?: string } },
): MeasureSeries {
  const from = measure.from!;
  const to = measure.to!;
  const waiting = waitingList(cases, { from, to, today }).reduce((sum, b) => sum + b.count, 0);
  if (measure.kind === 'proportion') {
    const target = { weeks: measure.targetWeeks! };
    return {
      points: proportionMeasure(cases, { from, to, target, today, ...range }).months,
      waiting,
    };
  }
  const result = intervalMeasure(cases, { from, to, ...range });
  return { points: view === 'monthly' ? result.monthly : result.perChild, waiting };
}
