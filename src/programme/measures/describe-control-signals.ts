import { CONTROL_CHART_NAMES } from '../../charts/control-chart-spec.js';
import type { MeasurePoint } from '../../domain/measures/index.js';
import { type Direction, directionSentence, times, withUnit } from '../../domain/runchart/signal-wording.js';
import type { ControlPhase, ControlPoint } from '../../domain/spc/index.js';
import type { MeasureControl } from './control-measure.js';
import { describePeriod } from './month-words.js';
import type { Audience } from './audience.js';
import { childrenForGroup } from '../../digest/small-numbers.js';

export interface ControlWordsOptions {
  measureName: string;
  unit: string;
  betterDirection?: Direction;
  /** The series the analysis was made on, for naming points by month or date (never by child). */
  points: readonly MeasurePoint[];
  perChild: boolean;
  /** A group reads a count of children under 5 as "fewer than 5" (coverage-sentence.ts). */
  audience?: Audience;
}

const centreWord = (control: MeasureControl) => (control.type === 'g' ? 'median' : 'mean');

/** "month", "child" or "point": what one point of this series is, for sentences. */
function pointNoun(options: ControlWordsOptions): string {
  if (options.perChild) return 'child';
  return options.points[0]?.period.length === 7 ? 'month' : 'point';
}

const exactly = (count: number, noun: string) => (count === 1 ? `one ${noun}` : `${count} ${noun === 'child' ? 'children' : `${noun}s`}`);
const plural = (count: number, noun: string, audience?: Audience) =>
  noun === 'child' && audience === 'group' ? childrenForGroup(count, (n) => exactly(n, noun)) : exactly(count, noun);

function dateOf(point: ControlPoint, options: ControlWordsOptions): string {
  return describePeriod(options.points[point.index]!.period);
}

/**
 * One clause per side for points beyond the limits, e.g. "one month above the upper limit (March
 * 2026): something unusual happened that month". Per-child points are named by the date the child
 * reached the stage, never by case reference, as these words may go to a channel. Several points
 * are named by the latest only, to keep the sentence short on a phone.
 */
function outsideClauses(points: readonly ControlPoint[], options: ControlWordsOptions): string[] {
  const noun = pointNoun(options);
  return (['above', 'below'] as const).flatMap((side) => {
    const these = points.filter((p) => p.outside === side);
    if (these.length === 0) return [];
    const limit = side === 'above' ? 'upper' : 'lower';
    const one = these.length === 1;
    const latest = dateOf(these.at(-1)!, options);
    const when = noun === 'child' ? `reached the stage ${latest}` : latest;
    const which = one ? `(${when})` : `(the latest ${noun === 'child' ? 'child ' : ''}${when})`;
    const what =
      noun === 'child'
        ? one ? 'for that child' : 'for those children'
        : noun === 'month' ? (one ? 'that month' : 'in those months') : one ? 'then' : 'at those times';
    const good = options.betterDirection
      ? (side === 'above') === (options.betterDirection === 'up') ? ', unusually good' : ', unusually poor'
      : '';
    return [`${plural(these.length, noun, options.audience)} ${side} the ${limit} limit ${which}: something unusual happened ${what}${good}`];
  });
}

function runClauses(phase: ControlPhase, centre: string, options: ControlWordsOptions): string[] {
  const clauses: string[] = [];
  if (phase.longRunSignal) {
    clauses.push(
      `${phase.longestRun} ${pointNoun(options) === 'child' ? 'children' : `${pointNoun(options)}s`} in a row ${phase.longestRunSide} the ${centre} (more than ${phase.longestRunMax} is unusual) — a shift`,
    );
  }
  if (phase.fewCrossingsSignal) {
    const crossed = phase.crossings === 0 ? `the line never crosses the ${centre}` : `the line crosses the ${centre} only ${times(phase.crossings!)}`;
    clauses.push(`${crossed} (fewer than ${phase.crossingsMin} is unusual) — the process has probably changed`);
  }
  return clauses;
}

/**
 * Which way the latest signal points, as Making Data Count reads a chart: the newest point of the
 * latest phase that is part of a signal (beyond a limit, or in a long run on one side of the
 * centre line) gives the direction; null when no point is. The badge and the chart's sentence
 * both read it, so one chart is never called both an improvement and worse (a month above the
 * upper limit followed by a run below the mean is a move down; the other way round, a rise).
 */
export function controlSignalDirection(control: MeasureControl): Direction | null {
  const phase = control.analysis.phases.at(-1);
  if (!phase) return null;
  const inPhase = control.analysis.points.filter((p) => p.index >= phase.start && p.index <= phase.end);
  const latest = [...inPhase].reverse().find((p) => p.outside !== null || p.inLongRun);
  if (!latest) return null;
  const side = latest.outside ?? latest.side;
  return side === 'above' ? 'up' : side === 'below' ? 'down' : null;
}

/** The way a shift (a long run on one side of the centre line) moved, if there is one. */
function shiftDirection(phase: MeasureControl['analysis']['phases'][number]): Direction | null {
  if (!phase.longRunSignal || !phase.longestRunSide) return null;
  return phase.longestRunSide === 'above' ? 'up' : 'down';
}

/**
 * An I chart's limits are not clipped (docs/spc.md), so waits that are often short can give a lower
 * limit below zero, which a chart shown at a meeting then labels "Lower limit -0.2": said in words
 * when none of the phase's values is below zero, so the label does not read as a fault.
 */
function lowerLimitBelowZero(inPhase: readonly ControlPoint[], scale: number, unit: string): string {
  const lowest = Math.min(...inPhase.map((p) => p.lcl ?? 0));
  // Below zero as shown (to a tenth): a limit of -0.01 reads "0", and needs no sentence.
  if (!(Math.round(lowest * scale * 10) < 0) || inPhase.some((p) => p.y !== null && p.y < 0)) return '';
  return ` Its lower limit (${withUnit(lowest * scale, unit)}) is below zero, where none of these values falls, so only the upper limit can flag a point.`;
}

/**
 * The chart reply's first sentence for a control chart: the chart type, its centre line, its limits
 * and rules, then each signal in plain words, and whether the change looks like good news.
 */
export function describeControlSignals(control: MeasureControl, options: ControlWordsOptions): string {
  const { analysis, scale } = control;
  const phase = analysis.phases.at(-1)!;
  const centre = centreWord(control);
  const name = CONTROL_CHART_NAMES[control.type];
  const latest = analysis.phases.length > 1 ? ', latest phase' : '';
  const centreValue = phase.centre === null ? null : withUnit(phase.centre * scale, options.unit);
  const head = `${name} (a control chart: ${centre}${centreValue ? ` ${centreValue}` : ''}, limits at 3 sigma, runs judged by the Anhøj rules${latest})`;
  if (phase.centre === null) return `${head}: no data yet for ${options.measureName}.`;
  const inPhase = analysis.points.filter((p) => p.index >= phase.start && p.index <= phase.end);
  const clauses = [...outsideClauses(inPhase, options), ...runClauses(phase, centre, options)];
  const limitsNote =
    phase.limits === 'none'
      ? ` No limits can be worked out yet: there is no spread between neighbouring values to work them from.`
      : phase.limits === 'collapsed'
        ? ` The limits sit on the ${centre} itself (nearly every value is the same), so any point off it is flagged: read this chart with care.`
        : '';
  const note = limitsNote || lowerLimitBelowZero(inPhase, scale, options.unit);
  if (clauses.length === 0) {
    const within = phase.limits === 'drawn' ? 'every point is inside the limits and ' : '';
    return `${head}: no signal — ${within}the runs look random, so the ups and downs are the process's ordinary variation (common cause).${note}`;
  }
  // Only a shift says the process moved (one unusual point is already called good or poor above);
  // which way it moved is the latest signal's, as the badge reads it: a run below the mean followed
  // by months above the upper limit is a rise.
  const moved = shiftDirection(phase) ? controlSignalDirection(control) : null;
  return `${head}: ${clauses.join('; ')}.${directionSentence(moved, options.betterDirection, options.measureName, options.unit)}${note}`;
}
