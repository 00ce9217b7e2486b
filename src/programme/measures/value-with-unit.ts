import { formatValue } from '../../charts/format-value.js';

/** Units of time written in the plural, said in the singular for exactly one ("1 week"). */
const TIME_PLURALS = /^(day|week|month|year)s$/i;

/** "22 weeks", "1 week", "64%", "3 reports". */
export function valueWithUnit(value: number, unit: string): string {
  const shown = formatValue(value);
  if (unit === '%') return `${shown}%`;
  const singular = shown === '1' ? TIME_PLURALS.exec(unit.trim())?.[1] : undefined;
  return `${shown} ${singular ?? unit}`;
}
