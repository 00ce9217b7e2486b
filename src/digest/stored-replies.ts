import { Binary } from 'mongodb';
import type { Card } from '../../cards/model.js';
import type { Reply } from '../conversation/turn.js';
import type { StoredImage, StoredReply } from '../store/schemas/digest.js';

/**
 * Turns Replies into what MongoDB keeps, with images moved into `images` once each (a chart the
 * channel and a lead both get is one PNG). Forms have no place in a proactive message: dropped.
 */
export function storeReplies(
  replies: readonly Reply[],
  images: StoredImage[],
  seen = new Map<Buffer, number>(),
): StoredReply[] {
  return replies.flatMap((reply): StoredReply[] => {
    switch (reply.kind) {
      case 'text':
        return [{ kind: 'text', text: reply.text }];
      case 'card':
        return [{ kind: 'card', card: reply.card as unknown as StoredReply & { title: string } }];
      case 'image': {
        let index = seen.get(reply.png);
        if (index === undefined) {
          const { png, alt, title } = reply;
          index = images.push({ png, alt, ...(title && { title }) }) - 1;
          seen.set(reply.png, index);
        }
        return [{ kind: 'image', image: index }];
      }
      default:
        return [];
    }
  });
}

/** The driver hands PNG bytes back as a BSON Binary; Replies carry a Buffer. */
function bytes(png: StoredImage['png']): Buffer {
  if (Buffer.isBuffer(png)) return png;
  if (png instanceof Binary) return Buffer.from(png.read(0, png.length()));
  return Buffer.from(png as Uint8Array);
}

/** Stored replies back as Replies, images restored from `images`. */
export function reviveReplies(
  stored: readonly StoredReply[],
  images: readonly StoredImage[] = [],
): Reply[] {
  return stored.map((reply): Reply => {
    if (reply.kind === 'text') return reply;
    if (reply.kind === 'card') return { kind: 'card', card: reply.card as unknown as Card };
    const image = images[reply.image];
    if (!image) throw new Error(`stored reply refers to missing image ${reply.image}`);
    const { alt, title } = image;
    return { kind: 'image', png: bytes(image.png), alt, ...(title && { title }) };
  });
}
