import type { types } from '@slack/bolt';
import { AppError } from '../src/errors.js';
import { contextBlock } from './block-kit-content.js';
import { MORE_NOTE } from './text.js';

/**
 * Keeps `tail` (buttons, inputs: what the reader must be able to act on) and as much of `content`
 * from the top as fits in `maxBlocks` blocks and `maxChars` characters of block JSON; if anything is
 * cut, a context block says so just before the tail.
 */
export function fitBlocks(
  content: types.KnownBlock[],
  tail: types.KnownBlock[],
  maxBlocks: number,
  maxChars = Number.POSITIVE_INFINITY,
): types.KnownBlock[] {
  if (tail.length >= maxBlocks) {
    // Dropping inputs or buttons would change what the card does, so this is a bug, not a trim.
    throw new AppError('card_too_many_blocks', 'Sorry — that card could not be shown.', {
      reportable: true,
    });
  }
  // As JSON, each block also costs a comma, and the array its two brackets (one less comma).
  const sizeOf = (block: types.KnownBlock) => JSON.stringify(block).length + 1;
  const note = contextBlock(`_${MORE_NOTE}_`);
  const tailSize = tail.reduce((sum, block) => sum + sizeOf(block), 0);
  const contentSize = content.reduce((sum, block) => sum + sizeOf(block), 0);
  if (content.length + tail.length <= maxBlocks && 1 + contentSize + tailSize <= maxChars) {
    return [...content, ...tail];
  }
  const kept: types.KnownBlock[] = [];
  let used = 1 + tailSize + sizeOf(note);
  for (const block of content) {
    if (kept.length + tail.length + 1 >= maxBlocks || used + sizeOf(block) > maxChars) break;
    kept.push(block);
    used += sizeOf(block);
  }
  return [...kept, note, ...tail];
}
