import type { RenderedChart } from '../../charts/render-png.js';
import { type ChartTable, runChartTable } from '../../charts/run-chart-table.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import type { RunChartAnalysis } from '../../domain/runchart/index.js';
import { NotFoundError } from '../../errors.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { type AnalyseOptions, analyseMeasure, type MeasureAnalysis } from './analyse-measure.js';
import { loadCaseMilestones } from '../cases/case-milestones.js';
import { cycleAnnotations, type LinkedTest } from '../pdsa/queries.js';
import { chartAnnotations } from './chart-annotations.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { earlierTestsSentence, markedTestsSentence } from './earlier-tests-sentence.js';
import { measureChartSpec } from './measure-chart-spec.js';
import { controlMeasureChartSpec } from './control-measure-chart-spec.js';
import { phaseMarkers } from './phase-markers.js';
import { RunChartSpecSchema } from '../../charts/run-chart-spec.js';
import { ControlChartSpecSchema } from '../../charts/control-chart-spec.js';
import { controlChartTable } from '../../charts/control-chart-table.js';
import { plain } from '../../../cards/plain-text.js';
import { loadOnce } from '../../load-once.js';
import type { GroupTargetLine } from './group-target-line.js';

export { buildWaitingChart } from './build-waiting-chart.js';

export interface MeasureChartOptions extends Omit<AnalyseOptions, 'cases'> {
  /** Pass when drawing several charts, so cases are read once. */
  cases?: AnalyseOptions['cases'];
  /**
   * Whether the chart may name children (a direct message): a per-child chart then gives each
   * point's case reference in its alt text and table. Never on the PNG; off unless asked for.
   */
  references?: boolean;
  /**
   * The target line of the aim group the chart is drawn for (group-target-line.ts): drawn, named and
   * judged against (the assurance badge) instead of the measure's own target.
   */
  groupTarget?: GroupTargetLine | null;
  /** The measure's linked tests of change, when the caller read them (a digest reads all its tests once). */
  linked?: readonly LinkedTest[];
}

export interface MeasureChart extends RenderedChart {
  /** The chart's points as a table (with references only where `references` allowed them). */
  table?: ChartTable;
  sentences: string[];
  analysis: RunChartAnalysis;
  latest: MeasurePoint | null;
  result: MeasureAnalysis;
  /** The tests of change linked to the measure, as read for this chart (for its phase proposals). */
  linked: LinkedTest[];
}

type Store = Pick<WorkspaceStore, 'cases' | 'dataPoints' | 'pdsa'>;

// Loaded on first use: the chart libraries take a second or more to load, which start-up should not pay.
const controlChartRenderer = loadOnce(() => import('../../charts/render-control-chart.js'));
const runChartRenderer = loadOnce(() => import('../../charts/render-run-chart.js'));

/**
 * The whole pipeline for one measure, for the chat and the digest alike: series → analysis under the
 * programme's rule set → chart spec with tests of change → PNG with alt text. Throws NotFoundError
 * when the measure has no points in the period, as there is nothing to draw.
 */
export async function buildMeasureChart(
  store: Store,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  measure: MeasureDefinition,
  options: MeasureChartOptions,
): Promise<MeasureChart> {
  const cases = options.cases ?? (measure.kind === 'custom' ? [] : await loadCaseMilestones(store));
  const { groupTarget, linked: known, ...analyse } = options;
  // The group's line is the target this chart is read against, so the badge judges by it too.
  const judged = groupTarget ? { ...measure, target: groupTarget.value } : measure;
  const result = await analyseMeasure(store, programme, judged, { ...analyse, cases });
  if (!result.analysis) {
    const hint =
      measure.kind === 'custom' ? ` Record one with e.g. \`${plain(measure.name)} Oct 2026 64\`.` : '';
    throw new NotFoundError(`${result.sentences.join(' ')}${hint}`, 'no_measure_data');
  }
  const linked = known ? [...known] : await cycleAnnotations(store, measure.key);
  const tests = chartAnnotations(linked, result.points);
  const sentences = [...result.sentences, markedTestsSentence(tests.marked), earlierTestsSentence(tests.earlier)].filter(Boolean);
  const runSpec = measureChartSpec(programme, { ...result, sentences }, [...tests.drawn, ...phaseMarkers(measure, result.points)], {
    references: options.references === true,
    groupTarget: groupTarget ?? null,
  });
  const controlSpec = result.control ? controlMeasureChartSpec(runSpec, result.control) : null;
  const chart = controlSpec
    ? await (await controlChartRenderer()).renderControlChart(controlSpec)
    : await (await runChartRenderer()).renderRunChart(runSpec);
  // Each chart's table marks its own signals: a control chart's are not the run chart's.
  const table = controlSpec
    ? controlChartTable(ControlChartSpecSchema.parse(controlSpec))
    : runChartTable(RunChartSpecSchema.parse(runSpec));
  return {
    ...chart,
    ...(table ? { table } : {}),
    sentences,
    analysis: result.analysis,
    latest: result.latest,
    result,
    linked,
  };
}
