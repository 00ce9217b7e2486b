export type UnitKind = 'percent' | 'amount' | 'count';

/** Units whose values may have decimals; any other unit counts things, in whole numbers. */
const AMOUNT_UNITS = new Set([
  'weeks',
  'days',
  'hours',
  'months',
  'years',
  'score',
  'points',
  'rate',
  'ratio',
  'minutes',
]);

/** How a measure's unit reads its values: a percentage, an amount with decimals, or a count of things. */
export function unitKind(unit: string): UnitKind {
  if (unit === '%') return 'percent';
  return AMOUNT_UNITS.has(unit.toLowerCase()) ? 'amount' : 'count';
}
