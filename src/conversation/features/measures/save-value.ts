import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import { askOverwrite } from './overwrite-dialog.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';

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
): Promise<Reply[]> {
  const existing = await ctx.store.dataPoints.findOne({ measureKey: measure.key, period });
  const when = describePeriod(period);
  if (existing?.value === value) {
    return [
      text(
        `${plain(measure.name)} for ${when} is already ${plain(valueWithUnit(value, measure.unit))}. Nothing changed.`,
      ),
    ];
  }
  if (existing) return askOverwrite(ctx, measure, existing, value);
  try {
    await ctx.store.dataPoints.insertOne({
      measureKey: measure.key,
      period,
      value,
      recordedBy: ctx.actor(),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  } catch (error) {
    // Someone recorded the same period a moment ago: ask about theirs, as for any duplicate.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    return saveValue(ctx, measure, period, value);
  }
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'data_point',
    entityId: `${measure.key}:${period}`,
    action: 'record',
    before: null,
    after: { value },
    source: ctx.source(),
    at: ctx.now,
  });
  const count = await ctx.store.dataPoints.countDocuments({ measureKey: measure.key });
  return [
    text(
      `Recorded: *${plain(measure.name)}* for ${when} = ${plain(valueWithUnit(value, measure.unit))}. ${count} value${count === 1 ? '' : 's'} so far — \`chart ${measure.key}\` shows the run chart.`,
    ),
  ];
}
