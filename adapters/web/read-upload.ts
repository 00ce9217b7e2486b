import type { Request } from 'restify';

/** The body was larger than the limit: the caller answers 413 and stops reading. */
export class UploadTooLarge extends Error {}

/**
 * Reads a raw upload (restify's body parser leaves application/octet-stream as a stream), refusing
 * as soon as it passes `limit` bytes, so a huge upload costs no more memory than the limit.
 */
export async function readUpload(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new UploadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
