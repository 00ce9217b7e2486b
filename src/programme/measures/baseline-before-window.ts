import type { CaseMilestones, MeasurePoint } from '../../domain/measures/index.js';
import { measureRunChartInput } from '../../domain/measures/index.js';
import { analyseRunChart } from '../../domain/runchart/index.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { runChartSettings } from './chart-settings.js';
import type { ChartView, ChartWindow } from './chart-window.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { measureSeries } from './measure-series.js';

/** A lead's frozen baseline that a chart window starts after, carried into the window. */
export interface CarriedBaseline {
  /** The median of the whole stored baseline, as on the chart of all data. */
  median: number;
  /** How many points the baseline has, and how many of them lie before the window. */
  count: number;
  before: number;
}

/**
 * The stored baseline when a window cuts it off: a median recomputed from the points left in the
 * window would be a different number under the same caption, so the median comes from the whole
 * baseline instead. Null when there is no baseline, phases override it, or the window shows it all.
 */
export async function baselineBeforeWindow(
  store: Pick<WorkspaceStore, 'dataPoints'>,
  measure: MeasureDefinition,
  cases: readonly CaseMilestones[],
  options: { view: ChartView; window: ChartWindow; today: string },
): Promise<CarriedBaseline | null> {
  const { freeze, phases } = measure.settings;
  const since = options.window.since;
  if (!freeze || phases.length > 0 || !since) return null;
  const all: MeasurePoint[] = (
    await measureSeries(store, measure, cases, { ...options, window: { label: 'all data' } })
  ).points;
  const before = all.filter((p) => p.period.slice(0, 7) < since).length;
  if (before === 0) return null;
  const settings = runChartSettings(measure.settings, all);
  if (settings.freeze === undefined) return null;
  const median = analyseRunChart(measureRunChartInput(all, settings)).phases[0]?.median ?? null;
  return median === null ? null : { median, count: settings.freeze, before };
}
