import type { Group } from '../../store/schemas/group.js';
import { aimWeeks } from './aim-weeks.js';
import { EMPTY_SETTINGS, type MeasureDefinition } from './measure-catalogue.js';

/**
 * An aim such as "95% within 26 weeks" (or just "12 weeks") on an interval measure is judged by the share of children
 * who make it in time, so each such aim gets a "% within N weeks" measure of its own.
 * Null when the aim names no interval measure or no time in weeks.
 */
export function aimProportionMeasure(
  group: Group,
  measures: readonly MeasureDefinition[],
  now: Date,
): MeasureDefinition | null {
  const aim = group.aim;
  const interval = measures.find((m) => m.kind === 'interval' && m.key === aim?.measureKey);
  const targetWeeks = aimWeeks(group);
  if (!aim || !interval?.from || !interval.to || !targetWeeks) return null;
  const percent = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(aim.target);
  const target = percent ? Number(percent[1]) : undefined;
  return {
    key: `${group.key}-within-${targetWeeks}-weeks`,
    groupKey: group.key,
    kind: 'proportion',
    name: `% within ${targetWeeks} weeks: ${interval.name}`.slice(0, 80),
    unit: '%',
    frequency: 'monthly',
    betterDirection: 'up',
    ...(target !== undefined && target <= 100 ? { target } : {}),
    from: interval.from,
    to: interval.to,
    targetWeeks,
    settings: EMPTY_SETTINGS,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}
