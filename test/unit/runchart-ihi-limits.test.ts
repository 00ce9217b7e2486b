import { describe, expect, it } from 'vitest';
import { IHI_RUNS_MAX_N, ihiRunsLimits } from '../../src/domain/runchart/ihi-runs-limits.js';
import { swedEisenhartLimits } from '../../src/domain/runchart/swed-eisenhart.js';

// docs/runcharts.md, the IHI runs table: [n, lower, upper].
const TABLE: [number, number, number][] = [
  [10, 3, 9],
  [11, 3, 10],
  [12, 3, 11],
  [13, 4, 11],
  [14, 4, 12],
  [15, 5, 12],
  [16, 5, 13],
  [17, 5, 13],
  [18, 6, 14],
  [19, 6, 15],
  [20, 6, 16],
  [21, 7, 16],
  [22, 7, 17],
  [23, 7, 17],
  [24, 8, 18],
  [25, 8, 18],
  [26, 9, 19],
  [27, 9, 20],
  [28, 10, 20],
  [29, 10, 21],
  [30, 11, 22],
  [31, 11, 22],
  [32, 11, 23],
  [33, 11, 24],
  [34, 12, 24],
  [35, 12, 25],
  [36, 13, 25],
  [37, 13, 26],
  [38, 14, 26],
  [39, 14, 27],
  [40, 15, 27],
  [41, 15, 28],
  [42, 16, 28],
  [43, 16, 29],
  [44, 17, 29],
  [45, 17, 30],
  [46, 17, 31],
  [47, 18, 31],
  [48, 18, 32],
  [49, 19, 32],
  [50, 19, 33],
  [51, 20, 33],
  [52, 20, 34],
  [53, 20, 35],
  [54, 21, 35],
  [55, 21, 36],
  [56, 22, 36],
  [57, 22, 37],
  [58, 23, 37],
  [59, 23, 38],
  [60, 24, 38],
];

/** Independent float check of the runs distribution, summed from log-binomials. */
function runsProbabilities(n: number): number[] {
  const logFact = [0];
  for (let i = 1; i <= n; i++) logFact.push(logFact[i - 1]! + Math.log(i));
  const logC = (m: number, k: number) =>
    k < 0 || k > m ? Number.NEGATIVE_INFINITY : logFact[m]! - logFact[k]! - logFact[m - k]!;
  const n1 = Math.floor(n / 2);
  const n2 = n - n1;
  const logTotal = logC(n, n1);
  const p = new Array<number>(n + 1).fill(0);
  for (let r = 2; r <= n; r++) {
    const k = Math.floor(r / 2);
    p[r] =
      r % 2 === 0
        ? 2 * Math.exp(logC(n1 - 1, k - 1) + logC(n2 - 1, k - 1) - logTotal)
        : Math.exp(logC(n1 - 1, k - 1) + logC(n2 - 1, k) - logTotal) +
          Math.exp(logC(n1 - 1, k) + logC(n2 - 1, k - 1) - logTotal);
  }
  return p;
}

describe('IHI runs limits', () => {
  it.each(TABLE)('n = %i: lower %i, upper %i (from the table)', (n, lower, upper) => {
    expect(ihiRunsLimits(n)).toEqual({ lower, upper });
  });

  it('the exact Swed–Eisenhart computation reproduces rows 41–60', () => {
    for (const [n, lower, upper] of TABLE.filter(([n]) => n >= 41)) {
      expect(swedEisenhartLimits(n), `n = ${n}`).toEqual({ lower, upper });
    }
  });

  it('keeps the published rows 10–40 where they differ from the computation', () => {
    expect(swedEisenhartLimits(11)).toEqual({ lower: 4, upper: 9 });
    expect(ihiRunsLimits(11)).toEqual({ lower: 3, upper: 10 });
  });

  it('beyond 60 uses the computation, whose tails hold at most 2.5% and are as wide as allowed', () => {
    for (let n = 61; n <= 160; n++) {
      const limits = ihiRunsLimits(n)!;
      expect(limits).toEqual(swedEisenhartLimits(n));
      const p = runsProbabilities(n);
      const below = (r: number) => p.slice(0, r).reduce((a, b) => a + b, 0);
      const above = (r: number) => p.slice(r + 1).reduce((a, b) => a + b, 0);
      expect(below(limits.lower), `n = ${n}`).toBeLessThanOrEqual(0.025);
      expect(below(limits.lower + 1), `n = ${n}`).toBeGreaterThan(0.025);
      expect(above(limits.upper), `n = ${n}`).toBeLessThanOrEqual(0.025);
      expect(above(limits.upper - 1), `n = ${n}`).toBeGreaterThan(0.025);
    }
  });

  it('gives no limits below 10 useful points or past the supported size', () => {
    expect(ihiRunsLimits(9)).toBeNull();
    expect(ihiRunsLimits(0)).toBeNull();
    expect(ihiRunsLimits(IHI_RUNS_MAX_N)).not.toBeNull();
    expect(ihiRunsLimits(IHI_RUNS_MAX_N + 1)).toBeNull();
  });
});
