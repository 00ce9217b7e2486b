import { ValidationError } from '../../../errors.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import { plain } from '../../replies.js';

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

export function unitKind(unit: string): UnitKind {
  if (unit === '%') return 'percent';
  return AMOUNT_UNITS.has(unit.toLowerCase()) ? 'amount' : 'count';
}

/** How a unit's values are checked, in words for the person defining the measure. */
export function describeUnitRule(unit: string): string {
  const kind = unitKind(unit);
  if (kind === 'percent') return 'a percentage from 0 to 100';
  return kind === 'amount'
    ? `a number of ${plain(unit)}, 0 or more`
    : `a whole number of ${plain(unit)}, 0 or more`;
}

/**
 * Refuses a value that cannot be right for the unit, saying why and how to say it: a percentage
 * outside 0–100, a negative value, a fraction of a count, or a % typed for a measure that is not one.
 */
export function checkValue(value: number, rawUnit: string, rawName: string, typedPercent = false): void {
  const kind = unitKind(rawUnit);
  // Both are what someone typed when defining the measure; they only appear in the messages below.
  const [unit, name] = [plain(rawUnit), plain(rawName)];
  const refuse = (why: string) =>
    new ValidationError('bad_value', `${why} Nothing was saved.`, { field: 'value' });
  if (!Number.isFinite(value)) throw refuse(`I couldn't read the value for ${name} as a number.`);
  if (typedPercent && kind !== 'percent') {
    throw refuse(
      `${name} is counted in ${unit}, not as a percentage. Say e.g. \`${name} Oct 2026 12\`.`,
    );
  }
  if (kind === 'percent' && (value < 0 || value > 100)) {
    throw refuse(
      `${name} is a percentage, so it must be between 0 and 100 — ${valueWithUnit(value, '%')} can't be right. If you counted things rather than a share, work out the % first (e.g. 16 of 25 = 64%).`,
    );
  }
  if (value < 0) throw refuse(`${name} can't be negative (${value} ${unit}).`);
  if (kind === 'count' && !Number.isInteger(value)) {
    throw refuse(`${name} counts ${unit}, so it must be a whole number (not ${value}).`);
  }
}
