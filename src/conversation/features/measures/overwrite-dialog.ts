import { ObjectId } from 'mongodb';
import type { DataPoint } from '../../../store/schemas/data-point.js';
import type { TurnContext } from '../../context.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import type { MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { describePeriod } from '../../../programme/measures/month-words.js';
import type { Counts } from './parse-record.js';
import { shownValue } from './save-value.js';

export const OVERWRITE_KIND = 'measure.overwrite';
export const OVERWRITE_VERB = 'measure.overwrite';
export const KEEP_VERB = 'measure.keep';
const ANSWER_WITHIN_MS = 24 * 60 * 60 * 1000;

interface OverwritePayload {
  measureKey: string;
  name: string;
  unit: string;
  period: string;
  value: number;
  oldValue: number;
  /** The new value's "17 of 20", when it was said that way. */
  numerator?: number;
  denominator?: number;
  oldNumerator?: number;
  oldDenominator?: number;
}

/** Asks before replacing a recorded value; the question is stored, so any instance can take the answer. */
export async function askOverwrite(
  ctx: TurnContext,
  measure: MeasureDefinition,
  existing: DataPoint,
  value: number,
  counts?: Counts,
): Promise<Reply[]> {
  const payload: OverwritePayload = {
    measureKey: measure.key,
    name: measure.name,
    unit: measure.unit,
    period: existing.period,
    value,
    oldValue: existing.value,
    ...(counts ?? {}),
    ...(existing.denominator !== undefined
      ? { oldNumerator: existing.numerator, oldDenominator: existing.denominator }
      : {}),
  };
  const { insertedId } = await ctx.store.pending.insertOne({
    userId: ctx.turn.user.id,
    kind: OVERWRITE_KIND,
    payload: { ...payload },
    source: ctx.source(),
    status: 'open',
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ANSWER_WITHIN_MS),
  });
  const data = { pending: insertedId.toHexString() };
  const old = shownValue(existing.value, measure.unit, { numerator: existing.numerator, denominator: existing.denominator });
  const next = shownValue(value, measure.unit, counts);
  return [
    card({
      title: `${measure.name}: ${describePeriod(existing.period)} already has a value`,
      facts: [
        { label: 'Recorded', value: `${old} (by ${plain(existing.recordedBy.name)})` },
        { label: 'New', value: next },
      ],
      sections: [{ text: `Overwrite ${old} with ${next}, or keep ${old}?` },
      ],
      buttons: [
        {
          id: 'overwrite',
          label: 'Overwrite',
          style: 'primary',
          action: { verb: OVERWRITE_VERB, data },
        },
        { id: 'keep', label: 'Keep', action: { verb: KEEP_VERB, data } },
      ],
    }),
  ];
}

/**
 * Takes the answer to an overwrite question: the one a button names, or (typed) the user's latest.
 * Claiming the question and answering it is one atomic update, so a double click acts once.
 */
export async function answerOverwrite(
  ctx: TurnContext,
  choice: 'overwrite' | 'keep',
  pendingId?: string,
): Promise<Reply[] | null> {
  const which =
    pendingId && ObjectId.isValid(pendingId)
      ? { _id: new ObjectId(pendingId) }
      : { kind: OVERWRITE_KIND };
  const claimed = await ctx.store.pending.findOneAndUpdate(
    { ...which, userId: ctx.turn.user.id, status: 'open', expiresAt: { $gt: ctx.now } },
    { $set: { status: choice === 'overwrite' ? 'done' : 'cancelled', closedAt: ctx.now } },
    // A typed answer goes to the latest question; _id breaks ties within the same millisecond.
    { sort: { createdAt: -1, _id: -1 } },
  );
  if (!claimed) {
    if (!pendingId) return null;
    return [text('That question has already been answered, or it expired. Nothing changed.')];
  }
  const p = claimed.payload as unknown as OverwritePayload;
  const when = describePeriod(p.period);
  const oldShown = shownValue(p.oldValue, p.unit, { numerator: p.oldNumerator, denominator: p.oldDenominator });
  const newShown = shownValue(p.value, p.unit, p);
  if (choice === 'keep')
    return [text(`Kept ${oldShown} for ${plain(p.name)}, ${when}. Nothing changed.`)];
  const counts =
    p.numerator !== undefined && p.denominator !== undefined
      ? { numerator: p.numerator, denominator: p.denominator }
      : null;
  const updated = await ctx.store.dataPoints.updateOne(
    { measureKey: p.measureKey, period: p.period, value: p.oldValue },
    {
      $set: { value: p.value, ...(counts ?? {}), recordedBy: ctx.actor(), updatedAt: ctx.now },
      // A bare % replacing "17 of 20" must not leave the old counts behind.
      ...(counts ? {} : { $unset: { numerator: '', denominator: '' } }),
    },
  );
  if (updated.matchedCount === 0) {
    return [
      text(
        `${plain(p.name)} for ${when} changed while you were deciding, so nothing was overwritten. Record it again to see the value there now.`,
      ),
    ];
  }
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'data_point',
    entityId: `${p.measureKey}:${p.period}`,
    action: 'overwrite',
    before: { value: p.oldValue, ...(p.oldDenominator !== undefined ? { numerator: p.oldNumerator, denominator: p.oldDenominator } : {}) },
    after: { value: p.value, ...(counts ?? {}) },
    // The message that gave the new value, not the button press.
    source: claimed.source,
    at: ctx.now,
  });
  return [
    text(
      `Overwritten: *${plain(p.name)}* for ${when} is now ${newShown} (was ${oldShown}).`,
    ),
  ];
}
