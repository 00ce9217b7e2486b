import { UpstreamError, ValidationError } from '../src/errors.js';
import { MAX_TRACKER_BYTES } from '../src/programme/tracker/tracker-limits.js';

/** A platform's file store answers within this, or the download is given up. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
const ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

function retryAfterMs(header: string | null, attempt: number): number {
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  return 500 * 2 ** attempt;
}

async function readCapped(response: Response, limit: number, name: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  const tooBig = () =>
    new ValidationError(
      'file_too_large',
      `${name} is larger than ${Math.round(limit / 1024 / 1024)} MB. Save only the tracker sheet as a .csv and send that.`,
    );
  if (Number.isFinite(declared) && declared > limit) throw tooBig();
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
 * Downloads an attached file from a platform (Slack's url_private_download, a Teams downloadUrl): a
 * timeout on every attempt, retries on 429 and 5xx that honour Retry-After, and a size cap enforced
 * while reading, so a huge or hanging file cannot hold the process.
 */
export async function downloadFile(
  url: string,
  name: string,
  headers: Record<string, string> = {},
  limit = MAX_TRACKER_BYTES,
): Promise<Buffer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      const response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (response.ok) return await readCapped(response, limit, name);
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        lastError = new Error(`status ${response.status}`);
        await sleep(retryAfterMs(response.headers.get('retry-after'), attempt));
        continue;
      }
      await response.body?.cancel();
      lastError = new Error(`status ${response.status}`);
      break;
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      lastError = error;
    }
  }
  throw new UpstreamError(
    'file_download_failed',
    `I couldn't fetch ${name} from the chat. Please send it again in a minute.`,
    lastError,
  );
}
