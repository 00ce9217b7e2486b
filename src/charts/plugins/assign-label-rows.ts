/** A label's horizontal extent in px. */
export interface LabelSpan {
  start: number;
  end: number;
}

/**
 * Puts each label in the first row where it overlaps no earlier label (greedy, in the order given),
 * so marker labels stack instead of printing over each other. Returns each span's row, from 0.
 */
export function assignLabelRows(spans: LabelSpan[], gap = 6): number[] {
  const rowEnds: number[] = [];
  return spans.map((span) => {
    let row = rowEnds.findIndex((end) => span.start >= end + gap);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(span.end);
    } else {
      rowEnds[row] = span.end;
    }
    return row;
  });
}
