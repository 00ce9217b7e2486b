import type { webApi } from '@slack/bolt';
import { downloadFile } from '../http-download.js';
import type { TurnFile } from '../../src/conversation/turn.js';
import { UpstreamError } from '../../src/errors.js';
import { slackWorkspaceKey } from './slack-client-options.js';

/** A file shared in a message, as the event names it; the rest comes from files.info. */
export interface SharedFile {
  id: string;
  name?: string;
  size?: number;
}

/**
 * The files of a `file_share` message as turn files: files.info for the private download URL, then
 * a download with the bot token, each only when the core asks (an admin importing a tracker).
 */
export function attachedFiles(client: webApi.WebClient, files: readonly SharedFile[]): TurnFile[] {
  return files.map((shared) => ({
    name: shared.name ?? 'file',
    ...(shared.size !== undefined ? { size: shared.size } : {}),
    async read() {
      const info = await client.files.info({ file: shared.id });
      const url = info.file?.url_private_download ?? info.file?.url_private;
      if (!url) {
        throw new UpstreamError('file_not_available', `Slack did not let me read ${shared.name ?? 'the file'}. Please share it again.`);
      }
      const token = client.token ?? '';
      // Every workspace downloads from files.slack.com: the token, not the host, says whose file it is.
      return downloadFile(url, shared.name ?? 'the file', { authorization: `Bearer ${token}` }, undefined, slackWorkspaceKey(token));
    },
  }));
}
