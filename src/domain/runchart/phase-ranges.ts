/** One phase's extent as 0-based inclusive indices, with the last point feeding its median. */
export interface PhaseRange {
  start: number;
  end: number;
  baselineEnd: number;
}

/**
 * Cuts n points into phases after each 1-based position in `parts`. When phases are given the freeze
 * is ignored (each phase is its own baseline), as runcharts.md says.
 */
export function phaseRanges(n: number, parts: readonly number[], freeze?: number): PhaseRange[] {
  if (parts.length === 0) return [{ start: 0, end: n - 1, baselineEnd: (freeze ?? n) - 1 }];
  const bounds = [0, ...parts, n];
  return bounds
    .slice(1)
    .map((after, i) => ({ start: bounds[i]!, end: after - 1, baselineEnd: after - 1 }));
}
