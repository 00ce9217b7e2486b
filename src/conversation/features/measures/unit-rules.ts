import { ValidationError } from '../../../errors.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import { plain } from '../../replies.js';
import { unitKind } from '../../../programme/measures/unit-kind.js';

export { type UnitKind, unitKind } from '../../../programme/measures/unit-kind.js';

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
      `${name} is a percentage, so it must be between 0 and 100 — ${valueWithUnit(value, '%')} can't be right. If you counted things, say it as a share, e.g. \`16 of 25\`, and I'll work out the %.`,
    );
  }
  if (value < 0) throw refuse(`${name} can't be negative (${value} ${unit}).`);
  if (kind === 'count' && !Number.isInteger(value)) {
    throw refuse(`${name} counts ${unit}, so it must be a whole number (not ${value}).`);
  }
}

/**
 * Refuses a share said as "17 of 20" that cannot be right: for a measure not kept as a percentage,
 * out of 0, or a part bigger than its whole. Returns the share as a percentage.
 */
export function checkCounts(numerator: number, denominator: number, rawUnit: string, rawName: string): number {
  const [unit, name] = [plain(rawUnit), plain(rawName)];
  const refuse = (why: string) =>
    new ValidationError('bad_value', `${why} Nothing was saved.`, { field: 'value' });
  if (unitKind(rawUnit) !== 'percent') {
    throw refuse(
      `${name} is counted in ${unit}, not as a share, so "${numerator} of ${denominator}" doesn't fit. Say just the number, e.g. \`${name} Oct 2026 12\`.`,
    );
  }
  if (denominator === 0) {
    throw refuse(
      `"${numerator} of 0" has nothing to be a share of. If nobody was counted that month, leave it empty.`,
    );
  }
  if (numerator > denominator) {
    throw refuse(
      `"${numerator} of ${denominator}" can't be right: the first number is the part, so it can't be more than the second (e.g. 17 of 20).`,
    );
  }
  return (numerator / denominator) * 100;
}
