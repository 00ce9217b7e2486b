import { upcomingMeetings } from '../../../domain/meetings/index.js';
import { buildMeetingPack, HTML_TYPE, type MeetingPackFiles } from '../../../meeting-pack/build-meeting-pack.js';
import { packFileReply } from '../../../meeting-pack/pack-reply.js';
import { requireCadence } from '../../../programme/meetings/cadence-of.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';

export { MEETING_PACK_VERB } from '../../../meeting-pack/pack-reply.js';

/** The pack as file replies: the PDF everywhere, and in the local chat the page to read in a browser. */
function meetingPackReplies(files: MeetingPackFiles, platform: TurnContext['turn']['platform']): Reply[] {
  const replies = [packFileReply(files)];
  if (platform === 'web') {
    replies.push({
      kind: 'file',
      data: Buffer.from(files.html, 'utf8'),
      fileName: files.fileName.replace(/\.pdf$/, '.html'),
      mimeType: HTML_TYPE,
      title: 'The same pack as a web page',
      alt: 'Opens in a new tab; your browser can print it, too.',
    });
  }
  return replies;
}

/**
 * `meeting pack`: the pack for the next champions' meeting, built now from the data as it stands.
 * It names no child, so anyone in the programme may have it, in a channel too.
 */
export async function meetingPack(ctx: TurnContext): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const cadence = requireCadence(programme);
  const [next] = upcomingMeetings(cadence, ctx.now, 1);
  if (!next) return [text("No champions' meetings are planned, so there is no pack to make.")];
  const files = await buildMeetingPack(ctx.store, programme, { at: next.at, localDate: next.localDate }, ctx.now);
  const when = describeWhen(next.at, programme.timeZone);
  const intro =
    `Here is the meeting pack for ${when}, made from the data as it stands now: ` +
    'project it or print it. It names no child.';
  return [text(intro), ...meetingPackReplies(files, ctx.turn.platform)];
}
