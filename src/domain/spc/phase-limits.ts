import { median } from '../runchart/median.js';
import { D2, D4 } from './constants.js';
import { finiteOrNull, mean } from './finite.js';
import type { ControlChartType } from './spc-input.js';

/** The series as the limit formulas see it; indices are 0-based over the whole series. */
export interface SpcSeries {
  values: readonly (number | null)[];
  denominators?: readonly number[];
}

/** One phase's plotted values, centre and limits, indexed from the phase's first point. */
export interface PhaseLimits {
  centre: number | null;
  y: (number | null)[];
  lcl: (number | null)[];
  ucl: (number | null)[];
}

/**
 * Centre line and limits of one phase (docs/spc.md, "The charts at a glance"). `indices` are the
 * phase's points in order; `estimation` is the set B: the phase's positions in the baseline and not
 * excluded, in time order, missing values included.
 */
export function phaseLimits(
  chart: ControlChartType,
  series: SpcSeries,
  indices: readonly number[],
  estimation: readonly number[],
): PhaseLimits {
  switch (chart) {
    case 'i':
      return iLimits(series.values, indices, estimation);
    case 'mr':
      return mrLimits(series.values, indices, estimation);
    case 'c':
      return cLimits(series.values, indices, estimation);
    case 'g':
      return gLimits(series.values, indices, estimation);
    case 'u':
    case 'p':
      return ratioLimits(chart, series, indices, estimation);
  }
}

const raisedTo0 = (x: number) => (x < 0 ? 0 : x);
const loweredTo1 = (x: number) => (x > 1 ? 1 : x);

function presentAt(values: readonly (number | null)[], at: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of at) {
    const v = values[i];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

function constant(indices: readonly number[], y: (number | null)[], centre: number | null, lcl: number | null, ucl: number | null): PhaseLimits {
  return {
    centre: finiteOrNull(centre),
    y,
    lcl: indices.map(() => finiteOrNull(lcl)),
    ucl: indices.map(() => finiteOrNull(ucl)),
  };
}

/**
 * I chart: the spread is the average moving range over B after one pass of screening (ranges at or
 * above 3.267 × the first average are dropped), as loading qicharts2 switches on. Excluded points are
 * already out of B, so their neighbours form one range; a missing point stays and loses both ranges.
 */
function iLimits(values: readonly (number | null)[], indices: readonly number[], estimation: readonly number[]): PhaseLimits {
  const y = indices.map((i) => values[i] ?? null);
  const centre = mean(presentAt(values, estimation));
  const ranges: number[] = [];
  for (let k = 1; k < estimation.length; k++) {
    const a = values[estimation[k - 1]!];
    const b = values[estimation[k]!];
    if (a !== null && a !== undefined && b !== null && b !== undefined) ranges.push(Math.abs(b - a));
  }
  const amr0 = mean(ranges);
  if (centre === null || amr0 === null) return constant(indices, y, centre, null, null);
  const threshold = D4 * amr0;
  const amr = mean(ranges.filter((r) => r < threshold));
  if (amr === null) return constant(indices, y, centre, null, null);
  const s = amr / D2;
  return constant(indices, y, centre, centre - 3 * s, centre + 3 * s);
}

/**
 * MR chart: a range belongs to the later of its two points, so excluding position j removes only the
 * range ending at j. No screening. The first point of a phase has no range but still has limits.
 */
function mrLimits(values: readonly (number | null)[], indices: readonly number[], estimation: readonly number[]): PhaseLimits {
  const rangeAt = new Map<number, number | null>();
  indices.forEach((index, k) => {
    const a = k === 0 ? null : values[indices[k - 1]!];
    const b = values[index];
    rangeAt.set(index, a === null || a === undefined || b === null || b === undefined ? null : Math.abs(b - a));
  });
  const y = indices.map((i) => rangeAt.get(i) ?? null);
  const baselineRanges: number[] = [];
  for (const i of estimation) {
    const r = rangeAt.get(i);
    if (r !== null && r !== undefined) baselineRanges.push(r);
  }
  const centre = mean(baselineRanges);
  return constant(indices, y, centre, 0, centre === null ? null : D4 * centre);
}

function cLimits(values: readonly (number | null)[], indices: readonly number[], estimation: readonly number[]): PhaseLimits {
  const y = indices.map((i) => values[i] ?? null);
  const centre = mean(presentAt(values, estimation));
  if (centre === null) return constant(indices, y, null, null, null);
  const s = Math.sqrt(centre);
  return constant(indices, y, centre, raisedTo0(centre - 3 * s), centre + 3 * s);
}

/** G chart: limits on the mean, but the centre line (and the runs analysis) on the median. */
function gLimits(values: readonly (number | null)[], indices: readonly number[], estimation: readonly number[]): PhaseLimits {
  const y = indices.map((i) => values[i] ?? null);
  const present = presentAt(values, estimation);
  const m = mean(present);
  if (m === null) return constant(indices, y, null, null, null);
  const s = Math.sqrt(m * (m + 1));
  return constant(indices, y, median(present), raisedTo0(m - 3 * s), m + 3 * s);
}

/**
 * P and U charts: a pooled ratio (Σv / Σn over B), limits per point from its own denominator. A
 * missing value, or 0 over 0, is treated as missing: no y, no limits, nothing pooled.
 */
function ratioLimits(chart: 'p' | 'u', series: SpcSeries, indices: readonly number[], estimation: readonly number[]): PhaseLimits {
  const { values } = series;
  const denominators = series.denominators ?? [];
  const usable = (i: number) => {
    const v = values[i];
    const n = denominators[i];
    return v !== null && v !== undefined && n !== undefined && n > 0;
  };
  let sumV = 0;
  let sumN = 0;
  for (const i of estimation) {
    if (!usable(i)) continue;
    sumV += values[i]!;
    sumN += denominators[i]!;
  }
  const centre = sumN > 0 ? finiteOrNull(sumV / sumN) : null;
  const y: (number | null)[] = [];
  const lcl: (number | null)[] = [];
  const ucl: (number | null)[] = [];
  for (const i of indices) {
    if (!usable(i)) {
      y.push(null);
      lcl.push(null);
      ucl.push(null);
      continue;
    }
    const n = denominators[i]!;
    y.push(finiteOrNull(values[i]! / n));
    if (centre === null) {
      lcl.push(null);
      ucl.push(null);
      continue;
    }
    // The product, then the division, then the root: the order qicharts2 computes it in.
    const s = chart === 'p' ? Math.sqrt((centre * (1 - centre)) / n) : Math.sqrt(centre / n);
    lcl.push(finiteOrNull(raisedTo0(centre - 3 * s)));
    const upper = centre + 3 * s;
    ucl.push(finiteOrNull(chart === 'p' ? loweredTo1(upper) : upper));
  }
  return { centre, y, lcl, ucl };
}
