import { formatValue } from '../../charts/format-value.js';

/** "22 weeks", "64%", "3 reports". */
export function valueWithUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatValue(value)}%` : `${formatValue(value)} ${unit}`;
}
