/** A measure value for people: at most one decimal, no trailing `.0` (40, 40.5). */
export function formatValue(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
