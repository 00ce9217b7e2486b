import { open, readFile, writeFile } from 'node:fs/promises';
import type { Catalog } from '../engine/catalog.js';
import { isStoreOp } from '../engine/store-op.js';
import { decodeFrames } from './frame-codec.js';
import { PRIVATE_FILE_MODE } from './data-dir.js';

/**
 * Applies a journal file to the catalog. A damaged tail (the frame being written when the process
 * died, never acknowledged) is cut off so that new frames follow intact ones; the cut bytes are
 * kept beside the journal as `<name>.torn-<time>` rather than destroyed.
 */
export async function replayJournal(path: string, catalog: Catalog): Promise<void> {
  const buffer = await readFile(path);
  const { frames, validBytes } = decodeFrames(buffer);
  for (const frame of frames) {
    for (const op of frame) {
      if (!isStoreOp(op)) throw new Error(`journal ${path} holds an unknown entry`);
      catalog.apply(op);
    }
  }
  if (validBytes === buffer.length) return;
  await writeFile(`${path}.torn-${Date.now()}`, buffer.subarray(validBytes), { mode: PRIVATE_FILE_MODE });
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(validBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
