export type Side = 'above' | 'below';

/** Runs among the useful points of one phase (points on the median are already left out). */
export interface RunsSummary {
  runs: number;
  crossings: number;
  longestRun: number;
  /** Side of the longest run; the latest one when two are equally long. */
  longestRunSide: Side;
  /** Each run as the point indices it covers, in order. */
  blocks: { side: Side; indices: number[] }[];
}

/** Splits useful points into maximal runs on one side of the median; null when there are none. */
export function summariseRuns(
  points: readonly { index: number; side: Side }[],
): RunsSummary | null {
  const blocks: RunsSummary['blocks'] = [];
  for (const { index, side } of points) {
    const last = blocks[blocks.length - 1];
    if (last && last.side === side) last.indices.push(index);
    else blocks.push({ side, indices: [index] });
  }
  if (blocks.length === 0) return null;
  let longest = blocks[0]!;
  for (const block of blocks) if (block.indices.length >= longest.indices.length) longest = block;
  return {
    runs: blocks.length,
    crossings: blocks.length - 1,
    longestRun: longest.indices.length,
    longestRunSide: longest.side,
    blocks,
  };
}
