import { DateTime } from 'luxon';
import {
  firstSignalFrom,
  type PredictionScore,
  scorePrediction,
  type SignalBlock,
  signalBlocks,
} from '../../domain/predictions/index.js';
import type { CheckablePrediction } from '../../store/schemas/prediction.js';
import type { PdsaCycle } from '../../store/schemas/pdsa.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { loadCaseMilestones } from '../cases/case-milestones.js';
import { analyseMeasure } from '../measures/analyse-measure.js';
import { comparePeriods } from '../measures/chart-settings.js';
import { listMeasures, type MeasureDefinition } from '../measures/measure-catalogue.js';
import { valueWithUnit } from '../measures/value-with-unit.js';

/** Values listed beside a prediction: the latest ones when there are more. */
const MAX_VALUES = 12;

/** A checkable prediction beside what its measure did from the test's start. */
export interface PredictionEvidence {
  prediction: CheckablePrediction;
  measure: Pick<MeasureDefinition, 'key' | 'name' | 'unit'>;
  startedOn: string;
  score: PredictionScore;
  /** "Dec 2026: 31 weeks" — by month or day, never by child (Study may be recorded in a channel). */
  values: string[];
  signal: SignalBlock | null;
  /** The signal in words, naming the point it starts at; null when none appeared. */
  signalWords: string | null;
}

type Store = Pick<WorkspaceStore, 'measures' | 'groups' | 'cases' | 'dataPoints'>;

function label(period: string): string {
  const date = DateTime.fromISO(period.length === 7 ? `${period}-01` : period, { zone: 'utc' });
  return date.toFormat(period.length === 7 ? 'LLL yyyy' : 'd LLL yyyy');
}

/** "a shift below the centre line from point 14 (Mar 2027)". */
export function signalWords(signal: SignalBlock, period: string): string {
  const where = `point ${signal.start + 1} (${label(period)})`;
  if (signal.kind === 'trend') return `a trend from ${where}`;
  if (signal.kind === 'beyond-limits') return `a point ${signal.side} the control limits at ${where}`;
  return `a shift ${signal.side ? `${signal.side} the centre line ` : ''}from ${where}`;
}

/**
 * The prediction of a test beside what the measure did since the test started: the values, whether
 * a run-chart or control-chart signal appeared at or after the start, and the bot's verdict. Null
 * when the test has no checkable prediction or start, or its measure no longer exists.
 */
export async function predictionEvidence(
  store: Store,
  programme: Programme,
  cycle: Pick<PdsaCycle, 'plan' | 'startedOn'>,
  today: string,
  now: Date,
): Promise<PredictionEvidence | null> {
  const prediction = cycle.plan.checkable;
  if (!prediction || !cycle.startedOn) return null;
  const measure = (await listMeasures(store, now)).find((m) => m.key === prediction.measureKey);
  if (!measure) return null;
  const cases = measure.kind === 'custom' ? [] : await loadCaseMilestones(store);
  // Only its points are used here, never its words.
  const result = await analyseMeasure(store, programme, measure, {
    audience: 'group',
    today,
    cases,
    window: { label: 'all data' },
  });
  const { points } = result;
  const startedOn = cycle.startedOn;
  const score = scorePrediction({ prediction, startedOn, points });
  const from = points.findIndex((p) => comparePeriods(p.period, startedOn) >= 0);
  const found = signalBlocks(result.analysis, result.control?.analysis ?? null, programme.ruleSet);
  const signal = firstSignalFrom(found, from);
  const values = score.window
    .slice(-MAX_VALUES)
    .map((i) => `${label(points[i]!.period)}: ${valueWithUnit(points[i]!.value!, measure.unit)}`);
  return {
    prediction,
    measure: { key: measure.key, name: measure.name, unit: measure.unit },
    startedOn,
    score,
    values,
    signal,
    signalWords: signal ? signalWords(signal, points[signal.start]!.period) : null,
  };
}
