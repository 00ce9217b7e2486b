import type { PhaseAnalysis } from './run-chart-analysis.js';

/** The published contract of `npm run runchart`: these keys, in this order, nothing else. */
export const PHASE_SUMMARY_KEYS = [
  'median',
  'nUseful',
  'longestRun',
  'longestRunMax',
  'crossings',
  'crossingsMin',
  'anhoejSignal',
  'shift',
  'trend',
  'longestTrend',
  'runs',
  'runsLower',
  'runsUpper',
  'tooFewRuns',
  'tooManyRuns',
  'enoughData',
] as const satisfies readonly (keyof PhaseAnalysis)[];

export type PhaseSummary = Pick<PhaseAnalysis, (typeof PHASE_SUMMARY_KEYS)[number]>;

/** Picks the contract keys in contract order, so JSON.stringify prints them that way. */
export function phaseSummary(phase: PhaseAnalysis): PhaseSummary {
  return Object.fromEntries(PHASE_SUMMARY_KEYS.map((key) => [key, phase[key]])) as PhaseSummary;
}
