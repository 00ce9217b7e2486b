import type { CaseMilestones, MeasurePoint } from '../../domain/measures/index.js';
import { measureRunChartInput } from '../../domain/measures/index.js';
import {
  analyseRunChart,
  describeSignals,
  type RunChartAnalysis,
} from '../../domain/runchart/index.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { runChartSettings } from './chart-settings.js';
import {
  type ChartView,
  type ChartWindow,
  DEFAULT_WINDOW_MONTHS,
  lastMonths,
} from './chart-window.js';
import { baselineBeforeWindow, type CarriedBaseline } from './baseline-before-window.js';
import { coverageSentence } from './coverage-sentence.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { measureSeries } from './measure-series.js';
import { plain } from '../../../cards/plain-text.js';

export interface AnalyseOptions {
  view?: ChartView;
  /** Default: the last 24 months, or all data when the measure has a baseline or phases to keep in view. */
  window?: ChartWindow;
  today: string;
  /** Loaded once by callers that analyse several measures. */
  cases: readonly CaseMilestones[];
}

export interface MeasureAnalysis {
  measure: MeasureDefinition;
  view: ChartView;
  window: ChartWindow;
  points: MeasurePoint[];
  /** Null when there are no points to analyse. */
  analysis: RunChartAnalysis | null;
  /** The signal sentence (naming the rule set), then what the chart covers. */
  sentences: string[];
  /** The most recent point with a value. */
  latest: MeasurePoint | null;
  waiting: number;
  /** The lead's baseline when the window starts after it began: its median is carried in. */
  carriedBaseline: CarriedBaseline | null;
}

export function defaultView(measure: MeasureDefinition): ChartView {
  return measure.kind === 'interval' ? 'per-child' : 'monthly';
}

function defaultWindow(measure: MeasureDefinition, today: string): ChartWindow {
  const { freeze, phases } = measure.settings;
  if (freeze || phases.length > 0) return { label: 'all data' };
  return lastMonths(today, DEFAULT_WINDOW_MONTHS);
}

/** Measure series → run-chart analysis → sentences, with the lead's settings applied. Draws nothing. */
export async function analyseMeasure(
  store: Pick<WorkspaceStore, 'dataPoints'>,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  measure: MeasureDefinition,
  options: AnalyseOptions,
): Promise<MeasureAnalysis> {
  const view = measure.kind === 'interval' ? (options.view ?? defaultView(measure)) : 'monthly';
  const window = options.window ?? defaultWindow(measure, options.today);
  const { points, waiting, partialMonth } = await measureSeries(store, measure, options.cases, {
    view,
    window,
    today: options.today,
  });
  const latest = [...points].reverse().find((p) => p.value !== null) ?? null;
  const carriedBaseline =
    points.length === 0
      ? null
      : await baselineBeforeWindow(store, measure, options.cases, {
          view,
          window,
          today: options.today,
        });
  const base = { measure, view, window, points, latest, waiting, carriedBaseline };
  const coverage = coverageSentence(programme, {
    ...base,
    ...(partialMonth ? { partialMonth } : {}),
  });
  if (points.length === 0) {
    return {
      ...base,
      analysis: null,
      sentences: [`No data yet for ${plain(measure.name)} (${window.label}).`, coverage].filter(Boolean),
    };
  }
  const analysis = analyseRunChart(
    measureRunChartInput(points, runChartSettings(measure.settings, points)),
    carriedBaseline ? { baselineMedian: carriedBaseline.median } : {},
  );
  const signal = describeSignals(analysis, {
    ruleSet: programme.ruleSet,
    // Sentences are reply markdown: the names someone typed go in as plain text.
    measureName: plain(measure.name),
    unit: plain(measure.unit),
    betterDirection: measure.betterDirection,
  });
  return { ...base, analysis, sentences: [signal, coverage].filter(Boolean) };
}
