import { buildMeasureChart } from '../programme/measures/build-measure-chart.js';
import { buildWaitingChart } from '../programme/measures/build-waiting-chart.js';
import { proposalsForChart } from '../programme/measures/split-proposals.js';
import type { MeasureDefinition } from '../programme/measures/measure-catalogue.js';
import { describeLatest } from '../programme/measures/describe-latest.js';
import { groupTargetLine, type GroupTargetLine } from '../programme/measures/group-target-line.js';
import type { Group } from '../store/schemas/group.js';
import type { CaseMilestones } from '../domain/measures/index.js';
import { linkedTests } from '../programme/pdsa/queries.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import { NotFoundError } from '../errors.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import type { DigestChart, DigestWaiting } from './digest-model.js';

type Store = Pick<WorkspaceStore, 'cases' | 'dataPoints' | 'pdsa' | 'groups'>;

const LONGEST_WAITS = 10;

/** One measure's chart in a digest, or null when it has nothing to draw. */
type DrawnChart = DigestChart | null;

/** A digest's charts by measure key, so groups sharing a measure share its chart (and its PNG). */
export type SharedCharts = Map<string, Promise<DrawnChart>>;

async function drawChart(
  store: Store,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  measure: MeasureDefinition,
  options: { today: string; cases: readonly CaseMilestones[]; cycles?: readonly PdsaCycle[]; groupTarget: GroupTargetLine | null },
): Promise<DrawnChart> {
  try {
    const chart = await buildMeasureChart(store, programme, measure, {
      audience: 'group',
      groupTarget: options.groupTarget,
      today: options.today,
      cases: options.cases,
      ...(options.cycles && { linked: linkedTests(options.cycles, measure.key) }),
      ...(measure.kind === 'interval' ? { view: 'monthly' as const } : {}),
    });
    // Months laid out with no value in any of them: an empty frame (a try-out saw one with a 0–1.2
    // axis), said as "no data yet" with the rest.
    if (!chart.result.points.some((p) => p.value !== null)) return null;
    const last = chart.latest;
    // By month, never by child: these words go to the channel.
    const latest = last?.value != null ? describeLatest(last, measure, { perChild: false, audience: 'group' }) : undefined;
    const { png, alt, sentences } = chart;
    const { key: measureKey, name } = measure;
    const proposals = (await proposalsForChart(store, programme, chart.result, options.today, { cases: options.cases, linked: chart.linked })).map((p) => ({
      sentence: p.sentence,
      measureKey,
      testNumber: p.testNumber,
      view: chart.result.view,
    }));
    return { measureKey, name, png, alt, sentences, ...(latest && { latest }), ...(proposals.length > 0 && { proposals }) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return null;
  }
}

/**
 * The run charts of a group's key measures. Interval measures are drawn as monthly medians: the
 * per-child view labels each point with a case reference, and these charts go to the channel.
 * The aim's key measure carries the group's own target line (the form's "Target line"), so two
 * groups sharing a key measure each see theirs in their part of the digest and in the pack.
 */
export async function groupCharts(
  store: Store,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  measures: readonly MeasureDefinition[],
  options: {
    today: string;
    cases: readonly CaseMilestones[];
    /** The programme's tests of change, when already read (the digest reads them once). */
    cycles?: readonly PdsaCycle[];
    shared?: SharedCharts;
    group?: Pick<Group, 'key' | 'name' | 'aim'>;
  },
): Promise<{ charts: DigestChart[]; noData: string[] }> {
  const charts: DigestChart[] = [];
  const noData: string[] = [];
  const shared: SharedCharts = options.shared ?? new Map();
  for (const measure of measures) {
    const groupTarget = options.group ? groupTargetLine(options.group, measure) : null;
    // Keyed by the whole definition: the same key with other settings is another chart, and so is
    // the same measure with another group's target line (its value and the name it is drawn with).
    const line = groupTarget ? [groupTarget.value, groupTarget.groupName] : [];
    const key = JSON.stringify([measure.key, measure.version, measure.settings, ...line]);
    let drawn = shared.get(key);
    if (!drawn) shared.set(key, (drawn = drawChart(store, programme, measure, { ...options, groupTarget })));
    const chart = await drawn;
    if (chart) charts.push(chart);
    else noData.push(measure.name);
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
