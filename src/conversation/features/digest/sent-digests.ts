import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { WithId } from 'mongodb';
import { reviveReplies } from '../../../digest/stored-replies.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { Digest } from '../../../store/schemas/digest.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { describeWhen } from '../meetings/describe-meeting.js';
import { withOwnPart } from './digest-preview.js';

const SENT = { status: { $in: ['queued', 'sent'] } } as const;

function asSent(ctx: TurnContext, digest: WithId<Digest>): Reply[] {
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const when = digest.sentAt ?? digest.builtAt ?? digest.dueAt;
  const status = digest.status === 'sent' ? `Sent ${describeWhen(when, zone)}` : `Going out since ${describeWhen(when, zone)}`;
  const leads = digest.leads.map((l) => ({ userId: l.userId, groupKeys: l.groupKeys, replies: reviveReplies(l.replies, digest.images) }));
  return [
    text(`*${status}*, for the champions' meeting on ${describeWhen(digest.meetingDate, zone)}. This is the digest as it was sent.`),
    ...withOwnPart(ctx, { channel: reviveReplies(digest.channel, digest.images), leads }),
  ];
}

/** `digest last`: the most recent digest, exactly as it was sent. */
export async function lastDigest(ctx: TurnContext): Promise<Reply[]> {
  ctx.requireProgramme();
  const digest = await ctx.store.digests.findOne(SENT, { sort: { meetingDate: -1 } });
  if (!digest) return [text('No digest has gone out yet. `meeting next` says when the next one is due.')];
  return asSent(ctx, digest);
}

/** `digest show <date>`: the digest for the meeting on that date, or sent on it. */
export async function showDigest(ctx: TurnContext, rest: string): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const zone = programme.timeZone;
  const said = chrono.en.GB.parseDate(rest, { instant: ctx.now, timezone: DateTime.fromJSDate(ctx.now, { zone }).offset });
  if (!said) throw new ValidationError('bad_digest_date', 'Which digest? Give the meeting date, e.g. `digest show 1 Apr 2027`, or say `digest last`.');
  const day = DateTime.fromObject({ year: said.getFullYear(), month: said.getMonth() + 1, day: said.getDate() }, { zone }).toISODate()!;
  const sent = await ctx.store.digests.find(SENT, { sort: { meetingDate: -1 } }).toArray();
  const localDay = (at: Date | undefined) => (at ? DateTime.fromJSDate(at, { zone }).toISODate() : null);
  const digest = sent.find((d) => d.meetingLocalDate === day) ?? sent.find((d) => localDay(d.sentAt ?? d.builtAt) === day);
  if (!digest) {
    const known = sent.slice(0, 5).map((d) => DateTime.fromISO(d.meetingLocalDate).toFormat('d LLL yyyy'));
    throw new NotFoundError(`No digest was sent for a meeting on ${DateTime.fromISO(day).toFormat('d LLL yyyy')}.${known.length > 0 ? ` Digests kept: ${known.join(', ')}.` : ''}`, 'no_such_digest');
  }
  return asSent(ctx, digest);
}
