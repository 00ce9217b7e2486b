import { describe, expect, it } from 'vitest';
import { anhoejLimits } from '../../src/domain/runchart/anhoej-limits.js';

// docs/runcharts.md, the Anhøj table: [n, longestRunMax, crossingsMin].
const TABLE: [number, number, number][] = [
  [10, 6, 2],
  [11, 6, 2],
  [12, 7, 3],
  [13, 7, 3],
  [14, 7, 4],
  [15, 7, 4],
  [16, 7, 4],
  [17, 7, 5],
  [18, 7, 5],
  [19, 7, 6],
  [20, 7, 6],
  [21, 7, 6],
  [22, 7, 7],
  [23, 8, 7],
  [24, 8, 8],
  [25, 8, 8],
  [26, 8, 8],
  [27, 8, 9],
  [28, 8, 9],
  [29, 8, 10],
  [30, 8, 10],
  [31, 8, 11],
  [32, 8, 11],
  [33, 8, 11],
  [34, 8, 12],
  [35, 8, 12],
  [36, 8, 13],
  [37, 8, 13],
  [38, 8, 14],
  [39, 8, 14],
  [40, 8, 14],
  [100, 10, 41],
];

/** Independent oracle: smallest c with 20 × Σ_{i≤c} C(m, i) ≥ 2^m, in exact integers. */
function exactCrossingsMin(n: number): number {
  const m = n - 1;
  const total = 1n << BigInt(m);
  let choose = 1n;
  let cumulative = 0n;
  for (let c = 0; c <= m; c++) {
    if (c > 0) choose = (choose * BigInt(m - c + 1)) / BigInt(c);
    cumulative += choose;
    if (20n * cumulative >= total) return c;
  }
  return m;
}

describe('Anhøj limits', () => {
  it.each(TABLE)('n = %i: longestRunMax %i, crossingsMin %i', (n, longestRunMax, crossingsMin) => {
    expect(anhoejLimits(n)).toEqual({ longestRunMax, crossingsMin });
  });

  it('double-precision crossingsMin agrees with exact arithmetic for n = 1..500', () => {
    const mismatches: number[] = [];
    for (let n = 1; n <= 500; n++) {
      if (anhoejLimits(n).crossingsMin !== exactCrossingsMin(n)) mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
  });

  it('stays finite for long series where 0.5^(n-1) underflows', () => {
    const { longestRunMax, crossingsMin } = anhoejLimits(3000);
    expect(longestRunMax).toBe(Math.round(Math.log2(3000)) + 3);
    expect(crossingsMin).toBe(exactCrossingsMin(3000));
  });

  it('refuses n below 1', () => {
    expect(() => anhoejLimits(0)).toThrow(RangeError);
  });
});
