import type { ControlChartAnalysis } from './control-chart-analysis.js';

/** The published contract of `npm run spc` (docs/spc.md): these keys, in this order. */
export interface SpcSummary {
  chart: ControlChartAnalysis['chart'];
  phases: {
    centre: number | null;
    points: { y: number | null; lcl: number | null; ucl: number | null; outside: boolean }[];
    sigmaSignal: boolean;
    runsSignal: boolean;
  }[];
}

export function spcSummary(analysis: ControlChartAnalysis): SpcSummary {
  return {
    chart: analysis.chart,
    phases: analysis.phases.map((phase, p) => ({
      centre: phase.centre,
      points: analysis.points
        .filter((point) => point.phase === p)
        .map(({ y, lcl, ucl, outside }) => ({ y, lcl, ucl, outside: outside !== null })),
      sigmaSignal: phase.sigmaSignal,
      runsSignal: phase.runsSignal,
    })),
  };
}
