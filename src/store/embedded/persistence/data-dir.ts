import { chmod, mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SNAPSHOT = /^snapshot-(\d{8})\.bson$/;
const JOURNAL = /^journal-(\d{8})\.log$/;
const LOCK = 'LOCK';

/**
 * The data directory and every file in it hold children's data: readable by the account that runs
 * the bot only (a DPO review found 0644 files in a 0755 directory on a shared server).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the data directory, or closes an existing one to other accounts. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is for directories it creates; one made before (by hand, or an older version) is
  // closed here. Another account's directory we may not change: the error says so at start-up.
  await chmod(dir, PRIVATE_DIR_MODE);
}
/** Directories opened by this process (resolved paths). */
const openHere = new Set<string>();

export const snapshotName = (gen: number): string =>
  `snapshot-${String(gen).padStart(8, '0')}.bson`;
export const journalName = (gen: number): string => `journal-${String(gen).padStart(8, '0')}.log`;

export interface DataDirFiles {
  snapshots: number[];
  journals: number[];
  /** Leftovers of a snapshot write that never reached its rename. */
  temporary: string[];
}

/** The generations present, ascending. Generation N's snapshot is the state where journal N starts. */
export async function listDataDir(dir: string): Promise<DataDirFiles> {
  const names = await readdir(dir);
  const gens = (pattern: RegExp): number[] =>
    names
      .map((name) => pattern.exec(name)?.[1])
      .filter((gen): gen is string => gen !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  return {
    snapshots: gens(SNAPSHOT),
    journals: gens(JOURNAL),
    temporary: names.filter((name) => name.endsWith('.tmp')),
  };
}

/** Makes a rename or a new file's directory entry durable (POSIX needs the directory fsync'd). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Claims the directory for this process. A lock left by a process that is gone (a crash or
 * `kill -9`) is taken over; one held by a live process is refused, since two writers would
 * interleave their journals.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const key = resolve(dir);
  // The pid in LOCK cannot tell two servers of this very process apart; this set can.
  if (openHere.has(key)) throw new Error(`data directory ${dir} is already open in this process`);
  const path = join(dir, LOCK);
  // Exclusive create settles two servers starting at once; only a stale lock is overwritten.
  const created = await writeFile(path, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE_MODE }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      return false;
    },
  );
  if (!created) {
    const holder = Number(await readFile(path, 'utf8').catch(() => ''));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`data directory ${dir} is in use by process ${holder}`);
    }
    await writeFile(path, String(process.pid), { mode: PRIVATE_FILE_MODE });
  }
  openHere.add(key);
  return async () => {
    openHere.delete(key);
    await rm(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
