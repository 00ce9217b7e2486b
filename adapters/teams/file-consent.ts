import type { Activity, TurnContext } from 'botbuilder';
import type { CardAction } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';
import { UpstreamError } from '../../src/errors.js';
import { sharedOutbound } from '../../src/outbound/outbound.js';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';

type FileReply = Extract<Reply, { kind: 'file' }>;

/**
 * A file for Teams goes through the user's consent (platforms: bots cannot push a file into
 * OneDrive unasked). The consent card carries only how to make the file again — the action that
 * asked for it — never its bytes: the file is built afresh when the user accepts.
 */
export function fileConsentActivity(reply: FileReply): Partial<Activity> {
  const context: { again?: CardAction; fileName: string } = { fileName: reply.fileName };
  if (reply.again) context.again = reply.again;
  return {
    type: 'message',
    text: reply.title,
    attachments: [
      {
        contentType: FILE_CONSENT_TYPE,
        name: reply.fileName,
        content: {
          description: reply.alt.slice(0, 300),
          sizeInBytes: reply.data.length,
          acceptContext: context,
          declineContext: context,
        },
      },
    ],
  };
}

export interface FileConsentValue {
  action: 'accept' | 'decline';
  context?: { again?: CardAction; fileName?: string };
  uploadInfo?: { uploadUrl?: string; contentUrl?: string; name?: string; uniqueId?: string; fileType?: string };
}

/**
 * Puts the bytes at the upload URL Teams gave on Accept, in one range, through the outbound gate:
 * the whole range again is the same PUT, so a try that timed out or met a 429/5xx is simply repeated.
 * The upload host is the organisation's OneDrive, so it is also the limiter's key.
 */
export async function uploadAccepted(value: FileConsentValue, reply: FileReply): Promise<void> {
  const url = value.uploadInfo?.uploadUrl;
  if (!url || !URL.canParse(url)) {
    throw new UpstreamError('teams_upload_failed', 'Teams did not say where to put the file. Please ask again.');
  }
  const size = reply.data.length;
  const outbound = sharedOutbound();
  const init = {
    method: 'PUT',
    headers: { 'content-range': `bytes 0-${size - 1}/${size}`, 'content-length': String(size) },
    body: new Uint8Array(reply.data),
  };
  const response = await outbound
    .fetch(url, init, { label: 'teams file upload', slots: outbound.slots(`upload:${new URL(url).host}`), transfer: true, repeatable: true })
    .catch((error: unknown) => {
      throw new UpstreamError('teams_upload_failed', 'Teams did not accept the file. Please ask again in a minute.', error);
    });
  await response.body?.cancel().catch(() => {});
  if (!response.ok) {
    throw new UpstreamError('teams_upload_failed', 'Teams did not accept the file. Please ask again in a minute.', response.status);
  }
}

/** After the upload, the file card in the chat that opens it. */
export async function sendFileInfo(ctx: TurnContext, value: FileConsentValue): Promise<void> {
  const info = value.uploadInfo ?? {};
  await ctx.sendActivity({
    type: 'message',
    attachments: [
      {
        contentType: FILE_INFO_TYPE,
        contentUrl: info.contentUrl,
        name: info.name,
        content: { uniqueId: info.uniqueId, fileType: info.fileType },
      },
    ],
  });
}
