import { Binary } from 'mongodb';
import type { Reply } from '../conversation/turn.js';
import type { DigestModel } from '../digest/digest-model.js';
import type { Digest, StoredPack } from '../store/schemas/digest.js';
import type { Programme } from '../store/schemas/programme.js';
import { meetingPackPdf } from './build-meeting-pack.js';
import { packFileReply } from './pack-reply.js';

/** The pack built with a digest, as the digest keeps it: built once, sent with the channel's part. */
export async function packForDigest(
  model: DigestModel,
  programme: Pick<Programme, 'caseRefPattern'>,
): Promise<StoredPack> {
  const { pdf, fileName, title, alt } = await meetingPackPdf(model, programme);
  return { pdf, fileName, title, alt };
}

/** The driver hands the PDF back as a BSON Binary; a Reply carries a Buffer. */
function bytes(pdf: StoredPack['pdf']): Buffer {
  if (Buffer.isBuffer(pdf)) return pdf;
  if (pdf instanceof Binary) return Buffer.from(pdf.read(0, pdf.length()));
  return Buffer.from(pdf as Uint8Array);
}

/** The stored pack as the file reply that ends the channel's part; none for a digest without one. */
export function packReply(digest: Pick<Digest, 'pack'>): Reply[] {
  const pack = digest.pack;
  return pack ? [packFileReply({ ...pack, pdf: bytes(pack.pdf) })] : [];
}
