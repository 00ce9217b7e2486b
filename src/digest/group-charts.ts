import { buildMeasureChart } from '../programme/measures/build-measure-chart.js';
import { buildWaitingChart } from '../programme/measures/build-waiting-chart.js';
import type { MeasureDefinition } from '../programme/measures/measure-catalogue.js';
import { describePeriod } from '../programme/measures/month-words.js';
import { valueWithUnit } from '../programme/measures/value-with-unit.js';
import type { CaseMilestones } from '../domain/measures/index.js';
import { NotFoundError } from '../errors.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import type { DigestChart, DigestWaiting } from './digest-model.js';

type Store = Pick<WorkspaceStore, 'cases' | 'dataPoints' | 'pdsa' | 'groups'>;

const LONGEST_WAITS = 10;

/**
 * The run charts of a group's key measures. Interval measures are drawn as monthly medians: the
 * per-child view labels each point with a case reference, and these charts go to the channel.
 */
export async function groupCharts(
  store: Store,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  measures: readonly MeasureDefinition[],
  options: { today: string; cases: readonly CaseMilestones[] },
): Promise<{ charts: DigestChart[]; noData: string[] }> {
  const charts: DigestChart[] = [];
  const noData: string[] = [];
  for (const measure of measures) {
    try {
      const chart = await buildMeasureChart(store, programme, measure, {
        today: options.today,
        cases: options.cases,
        ...(measure.kind === 'interval' ? { view: 'monthly' as const } : {}),
      });
      const last = chart.latest;
      const latest =
        last?.value != null
          ? `${valueWithUnit(last.value, measure.unit)} (${describePeriod(last.period)})`
          : undefined;
      const { png, alt, sentences } = chart;
      const { key: measureKey, name } = measure;
      charts.push({ measureKey, name, png, alt, sentences, ...(latest && { latest }) });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      noData.push(measure.name);
    }
  }
  return { charts, noData };
}

/** Children still waiting at the stages of the group's interval measures; null if nobody waits. */
export async function groupWaiting(
  store: Store,
  measures: readonly MeasureDefinition[],
  options: { today: string; cases: readonly CaseMilestones[] },
): Promise<DigestWaiting | null> {
  const intervals = measures.filter((m) => m.kind === 'interval' && m.from && m.to);
  if (intervals.length === 0) return null;
  try {
    const { today, cases } = options;
    const chart = await buildWaitingChart(store, { measures: intervals, today, cases });
    const stages = chart.stages.map(({ measure, buckets, total }) => ({
      name: measure.name,
      total,
      buckets: buckets.map((b) => ({ label: b.label, count: b.count })),
      // Buckets run shortest wait first, each listing its longest wait first.
      longestWaits: [...buckets].reverse().flatMap((b) => b.caseRefs).slice(0, LONGEST_WAITS),
    }));
    return { stages, chart: { png: chart.png, alt: chart.alt } };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
