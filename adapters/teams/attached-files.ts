import type { TurnFile } from '../../src/conversation/turn.js';
import { downloadFile } from '../http-download.js';

/** What Teams attaches for a file uploaded in the personal chat (supportsFiles in the manifest). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

interface DownloadInfo {
  contentType?: string;
  name?: string;
  content?: { downloadUrl?: unknown };
}

/**
 * Files uploaded in the personal chat as turn files. Their downloadUrl is pre-authorised and short
 * lived, so it is fetched without a token, and only when the core asks for it.
 */
export function attachedFiles(attachments: readonly DownloadInfo[] | undefined): TurnFile[] {
  return (attachments ?? []).flatMap((a) => {
    const url = a.content?.downloadUrl;
    if (a.contentType !== FILE_DOWNLOAD_INFO || typeof url !== 'string' || !/^https?:\/\//.test(url)) return [];
    const name = a.name ?? 'file';
    return [{ name, read: () => downloadFile(url, name) }];
  });
}
