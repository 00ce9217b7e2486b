import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../engine/catalog.js';
import type { StoreOp } from '../engine/store-op.js';
import { journalName, listDataDir, lockDataDir, makePrivateDir, snapshotName } from './data-dir.js';
import type { Durability } from './durability.js';
import { encodeFrame } from './frame-codec.js';
import { JournalWriter } from './journal-writer.js';
import { replayJournal } from './replay-journal.js';
import { readSnapshot, writeSnapshot } from './snapshot-file.js';

export interface FileDurabilityOptions {
  /** Journal size that triggers a snapshot and a fresh journal. */
  compactAfterBytes: number;
}

/**
 * Loads a data directory into `catalog` and returns the durability that keeps it up to date.
 * On disk: `snapshot-N.bson` is the state where `journal-N.log` begins. Start-up loads the newest
 * snapshot and replays every journal from its generation on, so a crash at any point of a
 * compaction still finds a complete snapshot and every frame written after it.
 */
export async function openFileDurability(
  dir: string,
  catalog: Catalog,
  options: FileDurabilityOptions,
): Promise<Durability> {
  await makePrivateDir(dir);
  const unlock = await lockDataDir(dir);
  try {
    const files = await listDataDir(dir);
    await Promise.all(files.temporary.map((name) => rm(join(dir, name), { force: true })));
    const base = files.snapshots.at(-1) ?? 0;
    if (files.snapshots.length > 0) {
      for (const op of await readSnapshot(join(dir, snapshotName(base)))) catalog.apply(op);
    }
    const journals = files.journals.filter((gen) => gen >= base);
    for (const gen of journals) await replayJournal(join(dir, journalName(gen)), catalog);
    await removeGenerationsBefore(dir, base);
    const gen = Math.max(base, ...journals);
    const writer = await JournalWriter.open(join(dir, journalName(gen)));
    return new FileDurability(dir, catalog, writer, gen, unlock, options);
  } catch (error) {
    await unlock();
    throw error;
  }
}

class FileDurability implements Durability {
  private compaction: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly catalog: Catalog,
    private readonly writer: JournalWriter,
    private journalGen: number,
    private readonly unlock: () => Promise<void>,
    private readonly options: FileDurabilityOptions,
  ) {}

  get failure(): Error | undefined {
    return this.writer.failed;
  }

  commit(ops: StoreOp[]): Promise<void> {
    if (ops.length === 0) return this.writer.flushed();
    const durable = this.writer.append(encodeFrame(ops));
    if (this.writer.size >= this.options.compactAfterBytes && !this.compaction) {
      this.compaction = this.compact()
        .catch((error: unknown) =>
          process.emitWarning(`embedded store compaction failed: ${String(error)}`),
        )
        .finally(() => {
          this.compaction = undefined;
        });
    }
    return durable;
  }

  /** Waits for any compaction under way, then compacts again so the files hold the state now. */
  async compactNow(): Promise<void> {
    await this.compaction;
    await this.writer.flushed();
    const running = this.compact();
    this.compaction = running;
    try {
      await running;
    } finally {
      if (this.compaction === running) this.compaction = undefined;
    }
  }

  /** Flushes, and compacts if the journal holds anything, so the next start is a snapshot load. */
  async close(): Promise<void> {
    try {
      await this.compaction;
      if (!this.failure) {
        await this.writer.flushed();
        if (this.writer.size > 0) await this.compact();
      }
    } finally {
      await this.writer.close();
      await this.unlock();
    }
  }

  /**
   * Starts journal N+1 and captures the state in the same tick, so the snapshot holds exactly the
   * frames queued to journal N and before. Only once the snapshot is safely renamed into place do
   * older generations go.
   */
  private async compact(): Promise<void> {
    const gen = ++this.journalGen;
    const rotated = this.writer.rotate(join(this.dir, journalName(gen)));
    const state = this.catalog.capture();
    await rotated;
    await writeSnapshot(this.dir, gen, state);
    await removeGenerationsBefore(this.dir, gen);
  }
}

async function removeGenerationsBefore(dir: string, gen: number): Promise<void> {
  const files = await listDataDir(dir);
  const stale = [
    ...files.snapshots.filter((old) => old < gen).map(snapshotName),
    ...files.journals.filter((old) => old < gen).map(journalName),
  ];
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
