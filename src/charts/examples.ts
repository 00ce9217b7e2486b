import type { JourneySpec } from './journey-spec.js';
import type { RunChartSpec } from './run-chart-spec.js';
import type { WaitingChartSpec } from './waiting-chart-spec.js';

/**
 * Deterministic example data for the docs, the benchmark and manual checks: realistic, invented,
 * pseudonymous. The medians are computed here; which points signal was worked out by hand from the
 * published rules (docs runcharts.md) and is stated beside each series.
 */

/** Weeks from accommodation to permanence recommendation for 30 children before T-3. */
const baselineWeeks = [
  38.4, 35.1, 45.7, 52.3, 41.0, 29.6, 36.2, 47.9, 55.4, 40.3, 31.8, 33.6, 44.6, 49.7, 39.1, 27.5,
  43.2, 58.1, 46.8, 37.4, 32.6, 42.5, 50.2, 34.8, 41.7, 28.9, 38.9, 47.1, 53.6, 44.2,
];
/** The next ten children, after "T-3 Legal advice before recommendation" started. */
const afterT3Weeks = [30.2, 26.4, 33.1, 24.8, 29.5, 22.7, 27.3, 31.6, 25.9, 23.4];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Pseudonymous references in the order the children reached recommendation (not issue order). */
const caseRefs = Array.from({ length: 40 }, (_, i) => `C${1000 + ((i * 29) % 97)}`);
/** When each child reached recommendation: about one every nine days from March 2025. */
const reachedDates = caseRefs.map((_, i) =>
  new Date(Date.UTC(2025, 2, 3) + (i * 9 + (i % 3)) * 86_400_000).toISOString().slice(0, 10),
);
const allWeeks = [...baselineWeeks, ...afterT3Weeks];
const baselineMedian = median(baselineWeeks);

/**
 * Baseline frozen at 30 children (median 41.35), applied to all 40. IHI: the last ten are all
 * below the median, a shift (10 ≥ 6); 15 runs among 40 useful points is not too few (lower
 * limit 15); no five-point trend.
 */
export const runChartShiftExample: RunChartSpec = {
  title: 'Aim 2: accommodation to permanence recommendation',
  measureName: 'Weeks per child',
  unit: 'weeks',
  xTitle: 'Children, by the month they reached recommendation',
  labels: reachedDates,
  pointNames: caseRefs,
  values: allWeeks,
  phases: [{ start: 0, end: 39, median: baselineMedian, baselineEnd: 29 }],
  signalPoints: [30, 31, 32, 33, 34, 35, 36, 37, 38, 39],
  annotations: [
    { index: 12, label: 'T-1 72-hour agenda' },
    { index: 30, label: 'T-3 Legal advice before recommendation' },
  ],
  target: 28,
  ruleSetName: 'IHI',
  sentences: [
    '10 children in a row after T-3 reached recommendation faster than the baseline median — a shift.',
  ],
};

const months = Array.from({ length: 24 }, (_, i) => {
  const month = 3 + i; // April 2024 is month index 3 of 2024
  return `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});
/** Monthly median weeks; August 2024 had no recommendation, January 2025 is excluded. */
const monthlyWeeks: (number | null)[] = [
  42.1,
  38.6,
  45.3,
  40.8,
  null,
  36.9,
  44.0,
  39.5,
  47.2,
  55.0,
  41.6,
  37.8,
  33.4,
  29.1,
  26.8,
  30.5,
  24.9,
  28.2,
  25.6,
  27.7,
  23.9,
  29.8,
  26.1,
  24.4,
];
const presentIn = (from: number, to: number, excluded: number[] = []) =>
  monthlyWeeks
    .slice(from, to + 1)
    .filter((v, i): v is number => v !== null && !excluded.includes(from + i));

/**
 * Split at T-3 (April 2025) into two phases of twelve months. Anhøj, phase 1: 10 useful points,
 * longest run 2 (limit 6), 7 crossings (minimum 2); phase 2: 12 useful, longest run 2 (limit 7),
 * 9 crossings (minimum 3). No signal in either phase.
 */
export const runChartPhasesExample: RunChartSpec = {
  title: 'Aim 2: accommodation to recommendation, monthly',
  measureName: 'Median weeks per month',
  unit: 'weeks',
  labels: months,
  values: monthlyWeeks,
  phases: [
    { start: 0, end: 11, median: median(presentIn(0, 11, [9])) },
    { start: 12, end: 23, median: median(presentIn(12, 23)) },
  ],
  excludedPoints: [9],
  annotations: [
    { index: 12, label: 'T-3 Legal advice before recommendation' },
    { index: 17, label: 'T-5 Key dates tracker' },
  ],
  ruleSetName: 'Anhøj',
  sentences: ['No signal in either phase under the Anhøj rules.'],
};

export const waitingChartExample: WaitingChartSpec = {
  title: 'Children still waiting',
  asOf: '2026-03-02',
  stages: [
    { name: 'Accommodated → permanence recommendation', counts: [6, 5, 8, 3] },
    { name: 'Recommendation → ADM decision', counts: [4, 3, 2, 1] },
    { name: 'ADM decision → application lodged', counts: [2, 2, 1, 0] },
  ],
};

export const journeyExample: JourneySpec = {
  caseRef: 'C1042',
  asOf: '2026-03-02',
  milestones: [
    { label: 'Accommodated', date: '2025-03-03' },
    { label: '72-hour planning meeting', date: '2025-03-06' },
    { label: 'First LAC review', date: '2025-03-14' },
    { label: 'Legal advice', date: '2025-07-21' },
    { label: 'Permanence recommendation', date: '2025-10-13' },
    { label: 'Permanence panel', date: '2026-01-19' },
    { label: 'ADM decision', date: '2026-02-09' },
    { label: 'Application lodged', date: '2026-04-20', planned: true },
  ],
};
