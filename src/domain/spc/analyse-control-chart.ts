import { phaseRanges } from '../runchart/phase-ranges.js';
import type { Side } from '../runchart/runs.js';
import type { ControlChartAnalysis, ControlPhase, ControlPoint, LimitsState } from './control-chart-analysis.js';
import { judgeRuns } from './judge-runs.js';
import { parseSpcInput } from './parse-spc-input.js';
import { phaseLimits } from './phase-limits.js';
import type { SpcInput } from './spc-input.js';

/**
 * Analyses a control chart exactly as qicharts2 0.8.1 does (docs/spc.md): per phase, the centre
 * line, the limits at every point, which points are outside, and the Anhøj runs signal on the
 * centre line. Throws ValidationError (naming the field) when the input does not fit.
 */
export function analyseControlChart(raw: SpcInput): ControlChartAnalysis {
  const input = parseSpcInput(raw);
  const { chart, values, freeze, parts = [], exclude = [] } = input;
  const excluded = new Set(exclude.map((position) => position - 1));
  const phases: ControlPhase[] = [];
  const points: ControlPoint[] = [];

  phaseRanges(values.length, parts, freeze).forEach((range, phaseIndex) => {
    const indices: number[] = [];
    for (let i = range.start; i <= range.end; i++) indices.push(i);
    const estimation = indices.filter((i) => i <= range.baselineEnd && !excluded.has(i));
    const limits = phaseLimits(chart, input, indices, estimation);
    const { centre } = limits;

    const sides: (Side | 'on' | null)[] = indices.map((index, k) => {
      const y = limits.y[k];
      if (centre === null || y === null || y === undefined || excluded.has(index)) return null;
      return y > centre ? 'above' : y < centre ? 'below' : 'on';
    });
    const useful = indices.flatMap((index, k) => {
      const side = sides[k];
      return side === 'above' || side === 'below' ? [{ index, side }] : [];
    });
    const { longRun, ...runs } = judgeRuns(chart, useful);

    let sigmaSignal = false;
    indices.forEach((index, k) => {
      const y = limits.y[k] ?? null;
      const lcl = limits.lcl[k] ?? null;
      const ucl = limits.ucl[k] ?? null;
      const outside =
        y === null ? null : ucl !== null && y > ucl ? 'above' : lcl !== null && y < lcl ? 'below' : null;
      if (outside) sigmaSignal = true;
      points.push({
        index,
        phase: phaseIndex,
        y,
        lcl,
        ucl,
        outside,
        excluded: excluded.has(index),
        inBaseline: estimation.includes(index) && y !== null,
        side: sides[k] ?? null,
        inLongRun: longRun.has(index),
      });
    });

    phases.push({
      ...range,
      centre,
      centreKind: chart === 'g' ? 'median' : chart === 'p' || chart === 'u' ? 'pooled' : 'mean',
      limits: limitsState(chart, centre, limits.lcl, limits.ucl),
      ...runs,
      sigmaSignal,
    });
  });

  return {
    chart,
    phases,
    points,
    freeze: parts.length === 0 && freeze !== undefined ? freeze : null,
  };
}

/**
 * Whether the phase has a band worth drawing. Only the I chart's limits can be missing or collapse
 * for want of spread; on other charts limits equal to the centre (all counts 0) are still "drawn".
 */
function limitsState(
  chart: SpcInput['chart'],
  centre: number | null,
  lcl: readonly (number | null)[],
  ucl: readonly (number | null)[],
): LimitsState {
  if (centre === null || !ucl.some((u) => u !== null)) return 'none';
  if (chart === 'i' && lcl[0] === centre && ucl[0] === centre) return 'collapsed';
  return 'drawn';
}
