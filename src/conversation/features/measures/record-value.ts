import { NotFoundError, ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import type { Reply } from '../../turn.js';
import { localToday } from '../../../programme/local-date.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { listMeasures, type MeasureDefinition } from '../../../programme/measures/measure-catalogue.js';
import { type ParsedRecord, parseRecord } from './parse-record.js';
import { periodFor } from './record-period.js';
import { saveValue } from './save-value.js';
import { checkCounts, checkValue } from './unit-rules.js';
import { plain } from '../../replies.js';

const example = (measure: MeasureDefinition) =>
  `e.g. \`${plain(measure.name.toLowerCase())} Oct 2026 ${measure.unit === '%' ? '64%` or `… 16 of 25' : '12'}\``;

/** Checks a parsed value fully (measure kind, value, period) before anything is stored. */
async function record(ctx: TurnContext, parsed: ParsedRecord, today: string): Promise<Reply[]> {
  const { measure, period, counts } = parsed;
  if (measure.kind !== 'custom') {
    throw new ValidationError(
      'derived_measure',
      `${plain(measure.name)} is worked out from the children's milestone dates, so it can't be typed in. Tell me the milestones instead, e.g. *${milestoneSettings(ctx).caseRefExample} accommodated 3 Oct*. Nothing was saved.`,
    );
  }
  const value = counts
    ? checkCounts(counts.numerator, counts.denominator, measure.unit, measure.name)
    : parsed.value;
  if (value === null)
    throw new ValidationError(
      'no_value',
      `What was the value for ${plain(measure.name)}? Say it with the period, ${example(measure)}.`,
    );
  if (period === null)
    throw new ValidationError(
      'no_period',
      `Which ${measure.frequency === 'monthly' ? 'month' : 'day'} is that for? ${example(measure)}.`,
    );
  const stored = periodFor(period, measure.frequency, today, measure.name);
  checkValue(value, measure.unit, measure.name, parsed.typedPercent);
  return saveValue(ctx, measure, stored, value, counts ?? undefined);
}

/** `measure record <measure> <period> <value>`: like the sentence, but a miss is explained. */
export async function recordCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const today = localToday(ctx);
  const measures = await listMeasures(ctx.store, ctx.now);
  const parsed = parseRecord(rest, measures, today);
  if (!parsed) {
    const custom = measures.filter((m) => m.kind === 'custom').map((m) => `\`${m.key}\``);
    const known =
      custom.length > 0
        ? `Measures you can record: ${custom.join(', ')}.`
        : 'There are no custom measures yet: a lead can define one with `measure new`.';
    throw new NotFoundError(
      `I couldn't tell which measure that is for. ${known} Nothing was saved.`,
      'unknown_measure',
    );
  }
  return record(ctx, parsed, today);
}

/**
 * "report template use October 64%", "template use for Oct 2026 was 64%". Only claims a sentence that
 * names a custom measure and gives a number or a period, so milestone messages pass on untouched.
 */
export async function recordSentence(ctx: TurnContext, said: string): Promise<Reply[] | null> {
  if (!ctx.programme || !/\d|month|week/i.test(said)) return null;
  const custom = (await listMeasures(ctx.store, ctx.now)).filter((m) => m.kind === 'custom');
  if (custom.length === 0) return null;
  const today = localToday(ctx);
  const parsed = parseRecord(said, custom, today);
  if (!parsed || (parsed.value === null && parsed.period === null)) return null;
  return record(ctx, parsed, today);
}
