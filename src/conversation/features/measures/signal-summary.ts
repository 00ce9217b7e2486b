import type { PhaseAnalysis, RunChartAnalysis } from '../../../domain/runchart/index.js';
import type { RuleSet } from '../../../store/schemas/programme.js';
import { CONTROL_CHART_NAMES } from '../../../charts/control-chart-spec.js';
import type { MeasureControl } from '../../../programme/measures/control-measure.js';
import { controlSignalDirection } from '../../../programme/measures/describe-control-signals.js';

function verdict(moved: 'up' | 'down' | null, better: 'up' | 'down'): string {
  if (!moved) return '';
  return moved === better ? ' (better)' : ' (worse)';
}

function ihi(phase: PhaseAnalysis, better: 'up' | 'down'): string[] {
  const found: string[] = [];
  if (phase.shift) {
    const side = phase.longestRunSide!;
    found.push(`shift ${side} the median${verdict(side === 'above' ? 'up' : 'down', better)}`);
  }
  if (phase.trend)
    found.push(
      `trend ${phase.longestTrendDirection}${verdict(phase.longestTrendDirection, better)}`,
    );
  if (phase.tooFewRuns) found.push('too few runs');
  if (phase.tooManyRuns) found.push('too many runs');
  return found;
}

function anhoej(phase: PhaseAnalysis, better: 'up' | 'down'): string[] {
  const found: string[] = [];
  if (phase.longestRun !== null && phase.longestRun > phase.longestRunMax!) {
    const side = phase.longestRunSide!;
    found.push(`long run ${side} the median${verdict(side === 'above' ? 'up' : 'down', better)}`);
  }
  if (phase.crossings !== null && phase.crossings < phase.crossingsMin!)
    found.push('too few crossings');
  return found;
}

/** A few words on the latest phase for one line of a list: "shift below the median (better)". */
export function signalSummary(
  analysis: RunChartAnalysis | null,
  ruleSet: RuleSet,
  better: 'up' | 'down',
): string {
  const phase = analysis?.phases[analysis.phases.length - 1];
  if (!phase || phase.median === null) return 'no data yet';
  if (!phase.enoughData) {
    return `too early for the rules (${phase.nUseful} ${phase.nUseful === 1 ? 'point' : 'points'} above or below the median line; they need 10)`;
  }
  const found = ruleSet === 'ihi' ? ihi(phase, better) : anhoej(phase, better);
  return found.length > 0 ? found.join(', ') : 'no signal';
}

/**
 * The same few words for a control chart, naming it: "I chart: 12 points above the upper limit
 * (worse), 12 below the lower limit (better), long run below the mean (better)".
 */
export function controlSignalSummary(control: MeasureControl, better: 'up' | 'down'): string {
  const phase = control.analysis.phases.at(-1);
  const name = CONTROL_CHART_NAMES[control.type];
  if (!phase || phase.centre === null) return `${name}: no data yet`;
  const centre = control.type === 'g' ? 'median' : 'mean';
  const inPhase = control.analysis.points.filter((p) => p.index >= phase.start && p.index <= phase.end);
  const found: string[] = [];
  for (const side of ['above', 'below'] as const) {
    const count = inPhase.filter((p) => p.outside === side).length;
    if (count === 0) continue;
    const points = count === 1 ? '1 point' : `${count} points`;
    found.push(`${points} ${side} the ${side === 'above' ? 'upper' : 'lower'} limit${verdict(side === 'above' ? 'up' : 'down', better)}`);
  }
  if (phase.longRunSignal && phase.longestRunSide) {
    const side = phase.longestRunSide;
    const moved = side === 'above' ? 'up' : 'down';
    // Judged as the chart judges it (the latest signal's way): a run the latest signal has since
    // gone against came before it, and calling it worse would contradict the chart's verdict.
    const judged = controlSignalDirection(control) === moved ? verdict(moved, better) : ' (since reversed)';
    found.push(`long run ${side} the ${centre}${judged}`);
  }
  if (phase.fewCrossingsSignal) found.push('too few crossings');
  return `${name}: ${found.length > 0 ? found.join(', ') : 'no signal'}`;
}
