import { DateTime } from 'luxon';
import { signalBlocks } from '../../domain/predictions/index.js';
import { proposeSplits } from '../../domain/splits/propose-splits.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { cycleAnnotations, type LinkedTest } from '../pdsa/queries.js';
import { analyseMeasure, type MeasureAnalysis } from './analyse-measure.js';
import { loadCaseMilestones } from '../cases/case-milestones.js';
import type { CaseMilestones } from '../../domain/measures/index.js';
import { comparePeriods, indexOfStart } from './chart-settings.js';

/** A new phase the bot proposes where a shift lines up with a test of change. */
export interface PhaseProposal {
  measureKey: string;
  testNumber: number;
  /** Where the phase would start: the point's period, and its child on a per-child chart. */
  point: MeasurePoint;
  /** "point 14 (Mar 2027)". */
  where: string;
  /** "The shift starting at point 14 (Mar 2027) lines up with T-12 (started 3 Mar). Start a new phase there?" */
  sentence: string;
}

const month = (period: string) =>
  DateTime.fromISO(period.length === 7 ? `${period}-01` : period, { zone: 'utc' }).toFormat('LLL yyyy');

/**
 * Proposals for one measure's analysis, named as its chart draws them: point 1 is the first point
 * shown, and a test that started before it has no place on the chart (chart-annotations.ts), so
 * nothing is proposed at it. Points are named by number and month, never by child: a proposal may
 * go to a channel, where no case reference may appear.
 */
export async function phaseProposals(
  store: Pick<WorkspaceStore, 'pdsa'>,
  programme: Pick<Programme, 'ruleSet'>,
  result: Pick<MeasureAnalysis, 'measure' | 'points' | 'analysis' | 'control'>,
  /** The measure's linked tests when already read (a chart just drawn read them). */
  known?: readonly LinkedTest[],
): Promise<PhaseProposal[]> {
  const { measure, points } = result;
  if (!result.analysis || points.length === 0) return [];
  const linked = known ?? (await cycleAnnotations(store, measure.key));
  const tests = linked
    .filter((c) => comparePeriods(points[0]!.period, c.startedOn) <= 0)
    .map((c) => ({ number: c.number, startedOn: c.startedOn, index: points.findIndex((p) => comparePeriods(p.period, c.startedOn) >= 0) }))
    .filter((t) => t.index >= 0);
  const settings = measure.settings;
  const decided = new Set([
    ...(settings.splitsDismissed ?? []).map((d) => d.testNumber),
    ...settings.phases.flatMap((p) => (p.testNumber ? [p.testNumber] : [])),
  ]);
  const found = proposeSplits({
    blocks: signalBlocks(result.analysis, result.control?.analysis ?? null, programme.ruleSet),
    tests,
    phaseStarts: settings.phases.map((p) => indexOfStart(points, p.startPeriod, p.startCaseRef)),
    decided,
  });
  return found.map(({ testNumber, start, kind }) => {
    const test = tests.find((t) => t.number === testNumber)!;
    const point = points[start]!;
    const started = DateTime.fromISO(test.startedOn, { zone: 'utc' }).toFormat('d LLL');
    const where = `point ${start + 1} (${month(point.period)})`;
    return {
      measureKey: measure.key,
      testNumber,
      point,
      where,
      sentence: `${kind === 'shift' ? 'The shift starting at' : 'The points beyond a control limit from'} ${where} line${kind === 'shift' ? 's' : ''} up with ${cycleId(testNumber)} (started ${started}). Start a new phase there?`,
    };
  });
}

/**
 * The proposals under a chart as shown: its own signals and point numbers, so the card agrees with
 * the chart and its words. Accepting one works over all the data (split-actions.ts), so in a window
 * only proposals that also stand there, at the same point, are made: a button must not start a
 * phase somewhere else, or refuse because the proposal "no longer stands".
 */
export async function proposalsForChart(
  store: Pick<WorkspaceStore, 'pdsa' | 'dataPoints' | 'cases'>,
  programme: Pick<Programme, 'ruleSet' | 'milestones'>,
  shown: MeasureAnalysis,
  today: string,
  /** What the caller already read: the cases (a digest reads them once) and the linked tests. */
  known: { cases?: readonly CaseMilestones[]; linked?: readonly LinkedTest[] } = {},
): Promise<PhaseProposal[]> {
  const { measure } = shown;
  if (!shown.analysis) return [];
  const linked = known.linked ?? (await cycleAnnotations(store, measure.key));
  // Most charts have no linked test: spare them the second analysis over all the data.
  if (linked.length === 0) return [];
  const here = await phaseProposals(store, programme, shown, linked);
  if (here.length === 0 || (shown.window.since === undefined && shown.window.until === undefined)) return here;
  const whole = await analyseMeasure(store, programme, measure, {
    audience: shown.audience,
    today,
    cases: measure.kind === 'custom' ? [] : (known.cases ?? (await loadCaseMilestones(store))),
    window: { label: 'all data' },
    view: shown.view,
  });
  const standing = await phaseProposals(store, programme, whole, linked);
  const samePoint = (a: MeasurePoint, b: MeasurePoint) => a.period === b.period && a.caseRef === b.caseRef;
  return here.filter((p) => standing.some((s) => s.testNumber === p.testNumber && samePoint(s.point, p.point)));
}
