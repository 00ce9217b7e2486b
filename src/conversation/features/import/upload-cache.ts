/**
 * The last uploaded tracker of each preview, in this process's memory only, so an admin can re-map a
 * column without sending the file again. Never written to disk or the database (it holds the
 * identifier columns the import never reads). Another instance, or a restart, simply misses, and the
 * admin is asked for the file again with their mapping remembered.
 */
const KEEP_MS = 30 * 60 * 1000;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

const uploads = new Map<string, { name: string; data: Buffer; until: number }>();

function prune(now: number): void {
  for (const [id, upload] of uploads) if (upload.until <= now) uploads.delete(id);
  let total = [...uploads.values()].reduce((sum, u) => sum + u.data.length, 0);
  // Oldest first: Map keeps insertion order.
  for (const [id, upload] of uploads) {
    if (total <= MAX_TOTAL_BYTES) break;
    uploads.delete(id);
    total -= upload.data.length;
  }
}

export function keepUpload(importId: string, name: string, data: Buffer, now = Date.now()): void {
  uploads.set(importId, { name, data, until: now + KEEP_MS });
  prune(now);
}

export function takeUpload(importId: string, now = Date.now()): { name: string; data: Buffer } | null {
  prune(now);
  const found = uploads.get(importId);
  if (!found) return null;
  uploads.delete(importId);
  return { name: found.name, data: found.data };
}

export function dropUpload(importId: string): void {
  uploads.delete(importId);
}
