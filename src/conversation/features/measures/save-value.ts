import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { askOverwrite } from './overwrite-dialog.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import type { Counts } from './parse-record.js';

/** "85% (17 of 20)", or "85%" when the value was typed as a percentage. */
export function shownValue(value: number, unit: string, counts?: Partial<Counts>): string {
  const shown = plain(valueWithUnit(value, unit));
  return counts?.numerator !== undefined && counts.denominator !== undefined
    ? `${shown} (${counts.numerator} of ${counts.denominator})`
    : shown;
}

const DUPLICATE_KEY = 11000;

/**
 * Stores a checked value. A value already there for the period is never replaced silently: the same
 * value is a no-op, a different one asks Overwrite or Keep.
 */
export async function saveValue(
  ctx: TurnContext,
  measure: MeasureDefinition,
  period: string,
  value: number,
  counts?: Counts,
): Promise<Reply[]> {
  const existing = await ctx.store.dataPoints.findOne({ measureKey: measure.key, period });
  const when = describePeriod(period);
  if (existing?.value === value && existing.denominator === counts?.denominator) {
    return [
      text(
        `${plain(measure.name)} for ${when} is already ${shownValue(value, measure.unit, counts)}. Nothing changed.`,
      ),
    ];
  }
  if (existing) return askOverwrite(ctx, measure, existing, value, counts);
  try {
    await ctx.store.dataPoints.insertOne({
      measureKey: measure.key,
      period,
      value,
      ...(counts ?? {}),
      recordedBy: ctx.actor(),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  } catch (error) {
    // Someone recorded the same period a moment ago: ask about theirs, as for any duplicate.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    return saveValue(ctx, measure, period, value, counts);
  }
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'data_point',
    entityId: `${measure.key}:${period}`,
    action: 'record',
    before: null,
    after: { value, ...(counts ?? {}) },
    source: ctx.source(),
    at: ctx.now,
  });
  const count = await ctx.store.dataPoints.countDocuments({ measureKey: measure.key });
  return [
    text(
      `Recorded: *${plain(measure.name)}* for ${when} = ${shownValue(value, measure.unit, counts)}. ${count} value${count === 1 ? '' : 's'} so far — \`chart ${measure.key}\` shows its chart.`,
    ),
  ];
}
