export type TrendDirection = 'up' | 'down';

/** Monotone stretches of one phase's included, present points (the median plays no part). */
export interface TrendsSummary {
  /** Points in the longest stretch, equal neighbours counted once; 1 when nothing rises or falls. */
  longestTrend: number;
  /** Direction of the longest stretch (the latest when tied); null when nothing rises or falls. */
  longestTrendDirection: TrendDirection | null;
  /** Each rising or falling stretch: its length as counted and every point index it covers. */
  stretches: { direction: TrendDirection; length: number; indices: number[] }[];
}

/**
 * Finds every maximal rising or falling stretch. Equal neighbours are merged first, so they neither
 * make nor break a trend (3, 4, 4, 5, 6, 7 is five points); a turning point belongs to both the
 * stretch it ends and the one it starts. Null when there are no points.
 */
export function summariseTrends(
  points: readonly { index: number; value: number }[],
): TrendsSummary | null {
  const groups: { value: number; indices: number[] }[] = [];
  for (const { index, value } of points) {
    const last = groups[groups.length - 1];
    if (last && last.value === value) last.indices.push(index);
    else groups.push({ value, indices: [index] });
  }
  if (groups.length === 0) return null;
  const stretches: TrendsSummary['stretches'] = [];
  let start = 0;
  for (let g = 1; g < groups.length; g++) {
    const direction = step(groups[g - 1]!.value, groups[g]!.value);
    const next = groups[g + 1];
    if (next === undefined || step(groups[g]!.value, next.value) !== direction) {
      const members = groups.slice(start, g + 1);
      stretches.push({
        direction,
        length: members.length,
        indices: members.flatMap((m) => m.indices),
      });
      start = g;
    }
  }
  let longest: TrendsSummary['stretches'][number] | undefined;
  for (const stretch of stretches)
    if (!longest || stretch.length >= longest.length) longest = stretch;
  return {
    longestTrend: longest?.length ?? 1,
    longestTrendDirection: longest?.direction ?? null,
    stretches,
  };
}

/** Neighbouring groups never hold equal values, so each step is strictly up or down. */
function step(from: number, to: number): TrendDirection {
  return to > from ? 'up' : 'down';
}
