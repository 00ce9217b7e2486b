import { UpstreamError, ValidationError } from '../src/errors.js';
import { sharedOutbound } from '../src/outbound/outbound.js';
import { MAX_TRACKER_BYTES } from '../src/programme/tracker/tracker-limits.js';

async function readCapped(response: Response, limit: number, name: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  const tooBig = () =>
    new ValidationError(
      'file_too_large',
      `${name} is larger than ${Math.round(limit / 1024 / 1024)} MB. Save only the tracker sheet as a .csv and send that.`,
    );
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.length;
    if (total > limit) throw tooBig();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads an attached file from a platform (Slack's url_private_download, a Teams downloadUrl)
 * through the outbound gate: a transfer timeout on every try (reading the body included), retries
 * on 429 and 5xx that honour Retry-After, a limit per file host, and a size cap enforced while
 * reading, so a huge or hanging file cannot hold the process.
 */
export async function downloadFile(
  url: string,
  name: string,
  headers: Record<string, string> = {},
  limit = MAX_TRACKER_BYTES,
  /** The limiter key of the workspace the file belongs to; default: the file's host. */
  workspace?: string,
): Promise<Buffer> {
  const failed = (cause: unknown) =>
    new UpstreamError('file_download_failed', `I couldn't fetch ${name} from the chat. Please send it again in a minute.`, cause);
  const outbound = sharedOutbound();
  let response: Response;
  try {
    response = await outbound.fetch(url, { headers, redirect: 'follow' }, {
      label: 'file download',
      slots: outbound.slots(workspace ?? `download:${new URL(url).host}`),
      transfer: true,
      repeatable: true,
    });
  } catch (error) {
    throw failed(error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw failed(new Error(`status ${response.status}`));
  }
  try {
    return await readCapped(response, limit, name);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw failed(error);
  }
}
