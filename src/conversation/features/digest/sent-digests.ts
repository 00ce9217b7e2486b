import { DateTime } from 'luxon';
import type { WithId } from 'mongodb';
import { reviveReplies } from '../../../digest/stored-replies.js';
import { ukDates } from '../../../domain/uk-dates.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { Digest } from '../../../store/schemas/digest.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { withOwnPart } from './digest-preview.js';

const SENT = { status: { $in: ['queued', 'sent'] } } as const;
const newestFirst = { sort: { meetingDate: -1 } } as const;
const day = (iso: string) => DateTime.fromISO(iso).toFormat('d LLL yyyy');

function asSent(ctx: TurnContext, digest: WithId<Digest>): Reply[] {
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const at = describeWhen(digest.sentAt ?? digest.builtAt ?? digest.dueAt, zone);
  const status = digest.status === 'sent' ? `Sent ${at}` : `Going out since ${at}`;
  const revive = (replies: Digest['channel']) => reviveReplies(replies, digest.images);
  const leads = digest.leads.map((l) => ({ ...l, replies: revive(l.replies) }));
  const channel = revive(digest.channel);
  const meeting = describeWhen(digest.meetingDate, zone);
  const intro = `*${status}*, for the champions' meeting on ${meeting}. This is it as it was sent.`;
  return [text(intro), ...withOwnPart(ctx, { channel, leads })];
}

/** `digest last`: the most recent digest, exactly as it was sent. */
export async function lastDigest(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireProgramme();
  const digest = await ctx.store.digests.findOne(SENT, newestFirst);
  if (!digest) {
    return [text('No digest has gone out yet. `meeting next` says when the next one is due.')];
  }
  return asSent(ctx, digest);
}

/** The local calendar date a person named ("1 Apr 2027", "yesterday"). */
function namedDay(ctx: TurnContext, said: string, zone: string): string {
  const offset = DateTime.fromJSDate(ctx.now, { zone }).offset;
  const date = ukDates().parseDate(said, { instant: ctx.now, timezone: offset });
  if (!date) {
    const example = 'e.g. `digest show 1 Apr 2027`, or say `digest last`';
    const message = `Which digest? Give the meeting date, ${example}.`;
    throw new ValidationError('bad_digest_date', message);
  }
  const fields = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  return DateTime.fromObject(fields, { zone }).toISODate()!;
}

/** `digest show <date>`: the digest for the meeting on that date, or sent on it. */
export async function showDigest(ctx: TurnContext, rest: string): Promise<Reply[]> {
  const zone = ctx.requireProgramme().timeZone;
  const wanted = namedDay(ctx, rest, zone);
  const sent = await ctx.store.digests.find(SENT, newestFirst).toArray();
  const localDay = (at?: Date) => (at ? DateTime.fromJSDate(at, { zone }).toISODate() : null);
  const digest =
    sent.find((d) => d.meetingLocalDate === wanted) ??
    sent.find((d) => localDay(d.sentAt ?? d.builtAt) === wanted);
  if (!digest) {
    const known = sent.slice(0, 5).map((d) => day(d.meetingLocalDate));
    const kept = known.length > 0 ? ` Digests kept: ${known.join(', ')}.` : '';
    const message = `No digest was sent for a meeting on ${day(wanted)}.${kept}`;
    throw new NotFoundError(message, 'no_such_digest');
  }
  return asSent(ctx, digest);
}
