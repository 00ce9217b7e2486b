import type { PhaseAnalysis, RunChartAnalysis } from '../../../domain/runchart/index.js';
import type { RuleSet } from '../../../store/schemas/programme.js';

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
    return `too early for the rules (${phase.nUseful} ${phase.nUseful === 1 ? 'point' : 'points'} off the median line; they need 10)`;
  }
  const found = ruleSet === 'ihi' ? ihi(phase, better) : anhoej(phase, better);
  return found.length > 0 ? found.join(', ') : 'no signal';
}
