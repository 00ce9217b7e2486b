/**
 * Names a set of points by their labels, joining consecutive ones into ranges:
 * [3,4,5,9] with case refs → "C1004 to C1006 and C1010". Used where a screen reader reads it out.
 */
export function describeIndexRanges(indices: number[], labels: string[]): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const index of sorted) {
    const current = ranges.at(-1);
    if (current && index === current[1] + 1) current[1] = index;
    else ranges.push([index, index]);
  }
  const parts = ranges.map(([from, to]) =>
    from === to ? labels[from] : `${labels[from]} to ${labels[to]}`,
  );
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
