import type { DateTime } from 'luxon';
import { labelMidSentence } from '../milestone-catalogue.js';

/** Why a milestone statement was refused; stable snake_case codes, checked in this order. */
export const PARSE_ERROR_CODES = [
  'no_case_reference',
  'no_milestone',
  'no_date',
  'invalid_date',
  'ambiguous',
  'future_date',
  'implausible_date',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/**
 * What a refusal may mention. Everything here was recognised (a case reference that fits the
 * pattern, a catalogue label, a date as typed), so nothing a member wrote can leak into the reply
 * unless it matched: an unrecognised word may be a child's name.
 */
export interface RefusalContext {
  /** A reference to use in the example: one the member gave, or the area's example. */
  exampleRef: string;
  /** How the area's references look, e.g. "one to three letters then 3 to 8 digits". */
  refShape?: string;
  milestoneLabel?: string;
  availableLabels: string[];
  dateText?: string;
  date?: DateTime;
  today: DateTime;
  maxYearsBack: number;
  maxYearsAhead: number;
  counts?: { milestones: number; dates: number };
}

const day = (d: DateTime) => d.setLocale('en-GB').toFormat('cccc d MMMM yyyy');
const short = (d: DateTime) => d.setLocale('en-GB').toFormat('d MMM');

function plural(count: number | undefined, noun: string): string {
  if (count === undefined) return `several ${noun}s`;
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function example(ctx: RefusalContext, when = '3 Oct'): string {
  const what = labelMidSentence(ctx.milestoneLabel ?? 'accommodated');
  return `“${ctx.exampleRef} ${what} ${when}”`;
}

function about(ctx: RefusalContext): string {
  return ctx.milestoneLabel
    ? `${ctx.exampleRef} — ${labelMidSentence(ctx.milestoneLabel)}`
    : ctx.exampleRef;
}

const BUILDERS: Record<ParseErrorCode, (ctx: RefusalContext) => string> = {
  no_case_reference: (ctx) =>
    'I couldn’t find a case reference, so I haven’t recorded anything. Please use the child’s ' +
    `case reference${ctx.refShape ? ` (${ctx.refShape})` : ''}, never their name — for example ` +
    `${example(ctx)}.`,
  no_milestone: (ctx) =>
    `I couldn’t tell which milestone you mean for ${ctx.exampleRef}. Please name one of: ` +
    `${ctx.availableLabels.join(', ')} — for example ${example({ ...ctx, milestoneLabel: ctx.availableLabels[0] }, '14/10')}.`,
  no_date: (ctx) =>
    `I understood ${about(ctx)}, but not when. ` +
    (ctx.dateText ? `“${ctx.dateText}” isn’t precise enough: I need the day. ` : '') +
    `Add the date, day first: ${example(ctx)}, ${example(ctx, '03/10/2026')} or ${example(ctx, 'yesterday')}.`,
  invalid_date: (ctx) =>
    `${ctx.dateText ? `“${ctx.dateText}”` : 'That'} isn’t a real date, so I haven’t recorded it. ` +
    'Dates are day then month (UK order), e.g. ' +
    `${example(ctx, '03/10/2026')} or ${example(ctx, '3 Oct 2026')}.`,
  ambiguous: (ctx) =>
    `I found ${plural(ctx.counts?.milestones, 'milestone')} and ` +
    `${plural(ctx.counts?.dates, 'date')} and couldn’t tell which date goes with which, so I ` +
    `haven’t recorded anything. Please send one milestone and its date, e.g. ${example(ctx)}.`,
  future_date: (ctx) =>
    `${ctx.date ? day(ctx.date) : 'That date'} is in the future, so ${about(ctx)} can’t have ` +
    'happened yet. If it’s booked, say so — e.g. ' +
    `${example(ctx, `booked for ${ctx.date ? short(ctx.date) : '12 Dec'}`)} — otherwise please check the date.`,
  implausible_date: (ctx) => {
    const ahead = ctx.date ? ctx.date > ctx.today : false;
    const reason = ahead
      ? `is more than ${ctx.maxYearsAhead} years ahead`
      : `is more than ${ctx.maxYearsBack} years ago`;
    return (
      `${ctx.date ? day(ctx.date) : 'That date'} ${reason}, which can’t be right for ${about(ctx)}. ` +
      `Please check the year — e.g. ${example(ctx, '03/10/2026')}.`
    );
  },
};

/** A teaching refusal for a tired social worker: what was wrong, and how to say it right. */
export function refusalMessage(code: ParseErrorCode, ctx: RefusalContext): string {
  return BUILDERS[code](ctx);
}
