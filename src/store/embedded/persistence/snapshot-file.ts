import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateObjectSize, type Document } from 'bson';
import type { CapturedCollection } from '../engine/catalog.js';
import { isStoreOp, type StoreOp } from '../engine/store-op.js';
import { PRIVATE_FILE_MODE, snapshotName, syncDirectory } from './data-dir.js';
import { decodeFrames, encodeFrame } from './frame-codec.js';

const FORMAT = 'pacebot-embedded-snapshot';
const FRAME_BYTES = 4 * 1024 * 1024;

/**
 * Writes the whole state as generation `gen`: to a temporary file first, fsync'd, then renamed
 * into place and the directory fsync'd. A snapshot file therefore either exists complete or not
 * at all. Its content is the same StoreOp vocabulary as the journal, ending with an `end` marker.
 */
export async function writeSnapshot(
  dir: string,
  gen: number,
  state: CapturedCollection[],
): Promise<void> {
  const finalPath = join(dir, snapshotName(gen));
  const tempPath = `${finalPath}.tmp`;
  const handle = await open(tempPath, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.write(encodeFrame([{ format: FORMAT, version: 1, gen }]));
    let batch: Document[] = [];
    let batchBytes = 0;
    for (const op of snapshotOps(state)) {
      batch.push(op);
      batchBytes += calculateObjectSize(op);
      if (batchBytes >= FRAME_BYTES) {
        await handle.write(encodeFrame(batch));
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) await handle.write(encodeFrame(batch));
    await handle.write(encodeFrame([{ end: true, collections: state.length }]));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, finalPath);
  await syncDirectory(dir);
}

function* snapshotOps(state: CapturedCollection[]): Generator<StoreOp> {
  for (const { db, name, options, indexes, docs } of state) {
    yield { op: 'create', db, c: name, options };
    for (const spec of indexes) yield { op: 'index', db, c: name, spec };
    for (const doc of docs) yield { op: 'put', db, c: name, doc };
  }
}

/** The ops of a snapshot; a file that is not whole is an error, never silently partial data. */
export async function readSnapshot(path: string): Promise<StoreOp[]> {
  const buffer = await readFile(path);
  const { frames, validBytes } = decodeFrames(buffer);
  const [header] = frames[0] ?? [];
  const last = frames.at(-1)?.at(-1);
  if (validBytes !== buffer.length || header?.format !== FORMAT || last?.end !== true) {
    throw new Error(
      `snapshot ${path} is damaged (${validBytes} of ${buffer.length} bytes readable)`,
    );
  }
  const ops = frames.slice(1, -1).flat();
  if (!ops.every(isStoreOp)) throw new Error(`snapshot ${path} holds an unknown entry`);
  return ops;
}
