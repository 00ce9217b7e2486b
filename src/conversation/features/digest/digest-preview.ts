import { buildDigest } from '../../../digest/build-digest.js';
import { nextDigestSlot } from '../../../digest/due-digest.js';
import { renderDigest, type RenderedDigest, withoutHeader } from '../../../digest/render-digest.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { requireCadence } from '../../../programme/meetings/cadence-of.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';

/**
 * A lead asking in a direct message also gets their own part (with case references); in a
 * channel, or for anyone else, only what the channel gets.
 */
export function withOwnPart(
  ctx: TurnContext,
  digest: Pick<RenderedDigest, 'channel' | 'leads'>,
): Reply[] {
  const direct = ctx.turn.conversation.kind === 'direct';
  const own = direct ? digest.leads.find((l) => l.userId === ctx.turn.user.id) : undefined;
  if (!own) return digest.channel;
  const intro = text("*Your part as a lead* (only your group's leads get this, as it names cases):");
  return [...digest.channel, intro, ...withoutHeader(own.replies)];
}

/** `digest preview`: what would go out if the next digest were sent now. Sends nothing. */
export async function digestPreview(ctx: TurnContext): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['admin', 'coach', 'lead'], 'preview the digest');
  requireCadence(programme);
  const slot = nextDigestSlot(programme, ctx.now);
  if (!slot) return [text("No champions' meetings are planned, so there is no digest to preview.")];
  const { meeting, dueAt } = slot;
  const at = { at: meeting.at, localDate: meeting.localDate };
  const model = await buildDigest(ctx.store, programme, at, ctx.now);
  const zone = programme.timeZone;
  const goes = dueAt > ctx.now ? `It goes out ${describeWhen(dueAt, zone)}` : 'It is due now';
  const where = programme.championsChannel
    ? ''
    : " No champions' channel is set yet: an admin types `champions channel` there.";
  const intro =
    `*Preview* — nothing has been sent. This is the digest for the meeting on ` +
    `${describeWhen(meeting.at, zone)} as it stands now. ${goes}; the data may change ` +
    `before then.${where}`;
  const rendered = renderDigest(model);
  const own = ctx.turn.conversation.kind === 'direct' ? rendered.leads.find((l) => l.userId === ctx.turn.user.id) : undefined;
  if (!own) return [text(intro), ...rendered.channel];
  // A lead sees their own groups once, as they get them (with case references), after the
  // channel's part for the other groups: showing both versions made a preview of some 13,000
  // characters with each of their groups twice, nearly word for word (try-out).
  const others = renderDigest({ ...model, groups: model.groups.filter((g) => !own.groupKeys.includes(g.key)) }).channel;
  const one = own.groupKeys.length === 1;
  const theirs = one ? 'it' : 'them';
  const ownIntro = text(
    `*${one ? 'Your group' : 'Your groups'}*, as you get ${theirs} as lead, with case references ` +
      `(only you and the other leads get this; the channel's part for ${theirs} leaves the references out):`,
  );
  return [text(intro), ...others, ownIntro, ...withoutHeader(own.replies)];
}
