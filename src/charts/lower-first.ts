/**
 * Lower-cases a label's first letter for use mid-sentence ("First LAC review" → "first LAC
 * review"), leaving acronyms and numbers alone ("ADM decision", "72-hour meeting").
 */
export function lowerFirst(label: string): string {
  const [first, second] = label;
  if (first === undefined || first === first.toLowerCase()) return label;
  if (second !== undefined && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(1);
}
