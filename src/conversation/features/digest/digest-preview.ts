import { buildDigest } from '../../../digest/build-digest.js';
import { nextDigestSlot } from '../../../digest/due-digest.js';
import { renderDigest, type RenderedDigest } from '../../../digest/render-digest.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { requireCadence } from '../meetings/cadence-of.js';
import { describeWhen } from '../meetings/describe-meeting.js';

/**
 * A lead asking in a direct message also gets their own part (with case references); in a channel,
 * or for anyone else, only what the channel gets.
 */
export function withOwnPart(ctx: TurnContext, digest: Pick<RenderedDigest, 'channel' | 'leads'>): Reply[] {
  const own = ctx.turn.conversation.kind === 'direct' ? digest.leads.find((l) => l.userId === ctx.turn.user.id) : undefined;
  if (!own) return digest.channel;
  return [...digest.channel, text('*Your part as a lead* (only you and the other leads of your group get this):'), ...own.replies];
}

/** `digest preview`: exactly what would go out if the next meeting's digest were sent now. Sends nothing. */
export async function digestPreview(ctx: TurnContext): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['admin', 'coach', 'lead'], 'preview the digest');
  requireCadence(programme);
  const slot = nextDigestSlot(programme, ctx.now);
  if (!slot) return [text("No champions' meetings are planned, so there is no digest to preview.")];
  const model = await buildDigest(ctx.store, programme, { at: slot.meeting.at, localDate: slot.meeting.localDate }, ctx.now);
  const when = describeWhen(slot.meeting.at, programme.timeZone);
  const goes = slot.dueAt > ctx.now ? `It goes out ${describeWhen(slot.dueAt, programme.timeZone)}` : 'It is due now';
  const where = programme.championsChannel ? '' : " No champions' channel is set yet: an admin types `champions channel` there.";
  return [
    text(`*Preview* — nothing has been sent. This is the digest for the meeting on ${when} as it stands now. ${goes}; the data may change before then.${where}`),
    ...withOwnPart(ctx, renderDigest(model)),
  ];
}
