import { analyseControlChart, type ControlChartAnalysis } from '../domain/spc/index.js';
import type { ControlChartSpec } from './control-chart-spec.js';

/**
 * Deterministic control chart examples for tests, the docs and manual checks: invented figures,
 * analysed by src/domain/spc so the limits are exactly qicharts2's.
 */

const months = (count: number, from = 2024) =>
  Array.from({ length: count }, (_, i) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function drawn(analysis: ControlChartAnalysis, scale = 1) {
  const s = (x: number | null) => (x === null ? null : x * scale);
  return {
    values: analysis.points.map((p) => s(p.y)),
    lcl: analysis.points.map((p) => s(p.lcl)),
    ucl: analysis.points.map((p) => s(p.ucl)),
    phases: analysis.phases.flatMap((p) =>
      p.centre === null
        ? []
        : [{ start: p.start, end: p.end, centre: p.centre * scale, ...(p.baselineEnd < p.end ? { baselineEnd: p.baselineEnd } : {}) }],
    ),
    outsidePoints: analysis.points.filter((p) => p.outside !== null).map((p) => p.index),
    runPoints: analysis.points.filter((p) => p.inLongRun).map((p) => p.index),
    excludedPoints: analysis.points.filter((p) => p.excluded).map((p) => p.index),
  };
}

/** Days from referral to decision, monthly mean, 24 months: a baseline of 12, then a spike in month 18. */
const referralDays = [21, 24, 19, 23, 22, 25, 20, 22, 24, 21, 23, 22, 20, 21, 19, 22, 20, 38, 21, 19, 20, 18, 21, 20];
export const iChartExample: ControlChartSpec = {
  title: 'Referral to decision, monthly mean',
  chartType: 'i',
  measureName: 'Days from referral to decision',
  unit: 'days',
  labels: months(24),
  ...drawn(analyseControlChart({ chart: 'i', values: referralDays, freeze: 12 })),
  target: 20,
  annotations: [{ index: 12, label: 'T-2 Duty triage' }],
  sentences: ['One month above the upper limit (June 2025): something unusual happened that month.'],
};

/** Children seen within 10 days of 20-odd each month: stepped limits from the varying counts. */
const seen = [17, 18, 15, 19, 16, 18, 5, 17, 19, 18, 16, 17, 18, 19, 17, 16, 18, 19, 20, 18];
const referred = [20, 21, 18, 22, 20, 19, 20, 24, 21, 20, 18, 19, 20, 22, 19, 18, 20, 21, 22, 20];
export const pChartExample: ControlChartSpec = {
  title: 'Seen within 10 days',
  chartType: 'p',
  measureName: 'Children seen within 10 days',
  unit: '%',
  labels: months(20, 2025),
  ...drawn(analyseControlChart({ chart: 'p', values: seen, denominators: referred, parts: [12] }), 100),
  target: 90,
};
