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
import { chooseChart, type MeasureChartChoice } from './choose-chart.js';
import { analyseMeasureControl, type MeasureControl, sliceControlAnalysis } from './control-measure.js';
import { describeControlSignals } from './describe-control-signals.js';
import { variationAssuranceBadges } from './variation-assurance.js';
import { plain } from '../../../cards/plain-text.js';
import type { Audience } from './audience.js';
import { ValidationError } from '../../errors.js';

export interface AnalyseOptions {
  /** Who reads the words: a group (channel, digest, pack) gets small counts as "fewer than 5". */
  audience: Audience;
  view?: ChartView;
  /** Default: the last 24 months, or all data when the measure has a baseline or phases to keep in view. */
  window?: ChartWindow;
  today: string;
  /** Loaded once by callers that analyse several measures. */
  cases: readonly CaseMilestones[];
  /** A chart kind asked for in this request ("chart x control"), over the lead's setting and the default. */
  chart?: 'run' | 'control';
  /** Whose children `cases` are, when not the whole area ("team North"), for the words. */
  scope?: string;
}

export interface MeasureAnalysis {
  measure: MeasureDefinition;
  audience: Audience;
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
  /** Run or control chart, and which control chart fits the data (choose-chart.ts). */
  chart: MeasureChartChoice | null;
  /** The control chart analysis when a control chart was chosen; the run analysis stays in `analysis`. */
  control: MeasureControl | null;
  /** NHS Making Data Count variation and assurance, as text badges, for control charts. */
  badges: string;
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
  const { audience } = options;
  const base = { measure, audience, view, window, points, latest, waiting, carriedBaseline, chart: null, control: null, badges: '' };
  const coverage = coverageSentence(programme, {
    ...base,
    ...(partialMonth ? { partialMonth } : {}),
  });
  if (points.length === 0) {
    return {
      ...base,
      analysis: null,
      sentences: [`No data yet for ${plain(measure.name)}${options.scope ? ` in ${plain(options.scope)}` : ''} (${window.label}).`, coverage].filter(Boolean),
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
  const chart = chooseChart(measure, view, points, options.chart);
  if (chart.kind === 'run') return { ...base, chart, analysis, sentences: [signal, coverage].filter(Boolean) };
  const control = await controlFor(store, measure, points, options.cases, { view, window, today: options.today }, chart.type).catch(
    // Data a control chart cannot take (say, a count entered as a negative number before the unit
    // rules existed) leaves the measure on its run chart rather than failing the whole reply.
    (error: unknown) => {
      if (error instanceof ValidationError) return null;
      throw error;
    },
  );
  if (!control) return { ...base, chart: { ...chart, kind: 'run' }, analysis, sentences: [signal, coverage].filter(Boolean) };
  const words = describeControlSignals(control, {
    measureName: plain(measure.name),
    unit: plain(measure.unit),
    betterDirection: measure.betterDirection,
    points,
    perChild: view === 'per-child',
    audience,
  });
  const badges = variationAssuranceBadges(control, measure.target, measure.betterDirection);
  // The badges ride with the first sentence, which is what a digest line shows of a chart.
  const first = badges ? `${words} ${badges}` : words;
  return { ...base, chart, control, badges, analysis, sentences: [first, coverage].filter(Boolean) };
}

/**
 * The control chart of the points in view. With a lead's baseline or phases and a window that
 * does not show all the data, the limits come from all the data and the window is cut from it:
 * limits made from the points in view would not be the baseline's. The runs and crossings are
 * then judged on the points in view (sliceControlAnalysis), as the words describe the chart drawn.
 */
async function controlFor(
  store: Pick<WorkspaceStore, 'dataPoints'>,
  measure: MeasureDefinition,
  points: MeasureAnalysis['points'],
  cases: readonly CaseMilestones[],
  options: { view: ChartView; window: ChartWindow; today: string },
  type: MeasureControl['type'],
): Promise<MeasureControl> {
  const { freeze, phases } = measure.settings;
  const restricted = options.window.since !== undefined || options.window.until !== undefined;
  if ((freeze || phases.length > 0) && restricted) {
    const all = (await measureSeries(store, measure, cases, { ...options, window: { label: 'all data' } })).points;
    const first = points[0]!;
    const start = all.findIndex((p) => p.period === first.period && p.caseRef === first.caseRef);
    if (start >= 0 && start + points.length <= all.length) {
      const whole = analyseMeasureControl(all, runChartSettings(measure.settings, all), type, measure.unit);
      return { ...whole, analysis: sliceControlAnalysis(whole.analysis, start, start + points.length - 1) };
    }
  }
  return analyseMeasureControl(points, runChartSettings(measure.settings, points), type, measure.unit);
}
