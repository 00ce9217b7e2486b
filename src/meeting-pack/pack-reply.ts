import type { Reply } from '../conversation/turn.js';
import { PDF_TYPE } from './build-meeting-pack.js';

/** The action that makes the pack again: Teams asks consent first, then needs the file anew. */
export const MEETING_PACK_VERB = 'meeting.pack';
/** The words that ask for it, for a place that cannot take a file (a Teams channel). */
export const MEETING_PACK_COMMAND = 'meeting pack';

/** The pack's PDF as a file reply: uploaded in Slack, offered through consent in Teams, a link on the web. */
export function packFileReply(pack: { pdf: Buffer; fileName: string; title: string; alt: string }): Reply {
  const { pdf: data, fileName, title, alt } = pack;
  return {
    kind: 'file',
    data,
    fileName,
    mimeType: PDF_TYPE,
    title,
    alt,
    again: { verb: MEETING_PACK_VERB },
    askFor: MEETING_PACK_COMMAND,
  };
}
