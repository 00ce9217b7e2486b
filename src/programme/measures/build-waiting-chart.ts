import type { RenderedChart } from '../../charts/render-png.js';
import {
  type CaseMilestones,
  type WaitingBucket,
  waitingList,
} from '../../domain/measures/index.js';
import { NotFoundError } from '../../errors.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { loadCaseMilestones } from '../cases/case-milestones.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { loadOnce } from '../../load-once.js';

const waitingChartRenderer = loadOnce(() => import('../../charts/render-waiting-chart.js'));

export interface WaitingStageCounts {
  measure: MeasureDefinition;
  buckets: WaitingBucket[];
  total: number;
}

export interface WaitingChart extends RenderedChart {
  stages: WaitingStageCounts[];
}

export interface WaitingChartOptions {
  /** Interval measures, one bar group each. Stages nobody waits at are left out unless `keepEmpty`. */
  measures: readonly MeasureDefinition[];
  today: string;
  keepEmpty?: boolean;
  cases?: readonly CaseMilestones[];
}

/** Children still waiting at each stage, by weeks waited: counts and the bar chart of them. */
export async function buildWaitingChart(
  store: Pick<WorkspaceStore, 'cases'>,
  options: WaitingChartOptions,
): Promise<WaitingChart> {
  const cases = options.cases ?? (await loadCaseMilestones(store));
  const stages = options.measures
    .filter((m) => m.kind === 'interval' && m.from && m.to)
    .map((measure) => {
      const buckets = waitingList(cases, {
        from: measure.from!,
        to: measure.to!,
        today: options.today,
      });
      return { measure, buckets, total: buckets.reduce((sum, b) => sum + b.count, 0) };
    })
    .filter((stage) => options.keepEmpty || stage.total > 0);
  if (stages.length === 0 || stages.every((s) => s.total === 0)) {
    throw new NotFoundError(
      'No children are waiting at that stage: everyone who started it has reached its end.',
      'nobody_waiting',
    );
  }
  // Loaded on first use: the chart libraries take a second or more to load, which start-up should not pay.
  const { renderWaitingChart } = await waitingChartRenderer();
  const chart = await renderWaitingChart({
    title: 'Children still waiting',
    asOf: options.today,
    buckets: stages[0]!.buckets.map((b) => b.label),
    stages: stages.map((s) => ({ name: s.measure.name, counts: s.buckets.map((b) => b.count) })),
  });
  return { ...chart, stages };
}
