import type { TrackerImport } from '../../store/schemas/tracker-import.js';
import { loadMilestones } from '../cases/load-milestones.js';
import type { ModelContext } from '../model-context.js';
import { readTracker } from '../tracker/read-tracker.js';
import type { ColumnMapping, TrackerReading } from '../tracker/tracker-types.js';
import { type ImportPlan, planImport } from './plan-import.js';
import { trackerSettings } from './tracker-settings.js';

/** A preview waits this long for Confirm; the rows it keeps are deleted with its answer. */
export const PREVIEW_VALID_MS = 24 * 60 * 60 * 1000;

export interface ImportPreview {
  imp: TrackerImport & { _id: NonNullable<TrackerImport['_id']> };
  reading: TrackerReading;
  plan: ImportPlan;
}

export interface TrackerFile {
  name: string;
  data: Buffer;
}

/**
 * Reads a tracker and keeps what it would import as a preview: each accepted row's reference and
 * dates, the columns by header, the refusals. Nothing of a case changes until the import is
 * confirmed, and no identifier cell is read (see tracker/identifier-columns.ts).
 */
export async function previewImport(
  ctx: ModelContext,
  file: TrackerFile,
  userId: string,
  mapping?: ColumnMapping,
): Promise<ImportPreview> {
  const settings = trackerSettings(ctx);
  const reading = await readTracker(file.data, file.name, settings, mapping);
  return storePreview(ctx, reading, file.name, userId, mapping);
}

/**
 * Reads the tracker again with new column meanings, in place of an open preview: the new preview
 * takes over the old one's number, so an import is numbered once however often its columns change
 * (`import undo N` and each case's "import #N" count confirmed imports, not looks at a file). The
 * old preview is deleted, not kept as cancelled: its buttons then answer that it was answered, and
 * the number is free for its successor. Null when the old preview was confirmed, cancelled or
 * expired meanwhile. The file is read first, so a file that cannot be read leaves the old one open.
 */
export async function replacePreview(
  ctx: ModelContext,
  old: Pick<TrackerImport, '_id' | 'userId' | 'number'>,
  file: TrackerFile,
  mapping: ColumnMapping,
): Promise<ImportPreview | null> {
  const reading = await readTracker(file.data, file.name, trackerSettings(ctx), mapping);
  const { deletedCount } = await ctx.store.imports.deleteOne({ _id: old._id, userId: old.userId, status: 'preview', expiresAt: { $gt: ctx.now } });
  if (deletedCount !== 1) return null;
  return storePreview(ctx, reading, file.name, old.userId, mapping, old.number);
}

/**
 * Keeps a reading as a preview import, planned against the cases as they are now: under the number
 * of the preview it replaces, or the workspace's next one.
 */
export async function storePreview(
  ctx: ModelContext,
  reading: TrackerReading,
  fileName: string,
  userId: string,
  mapping?: ColumnMapping,
  number?: number,
): Promise<ImportPreview> {
  const { catalogue } = trackerSettings(ctx);
  const existing = await loadMilestones(ctx, reading.rows.map((r) => r.caseRef));
  const plan = planImport(reading.rows, existing, catalogue);
  const doc: Omit<TrackerImport, 'workspaceId'> = {
    number: number ?? (await ctx.store.nextSequence('import')),
    userId,
    actor: ctx.actor(),
    platform: ctx.source().platform,
    fileName: fileName.slice(0, 200),
    status: 'preview',
    headerRow: reading.headerRow,
    sheets: reading.sheets,
    columns: reading.columns.map((c) => ({
      header: c.header.slice(0, 200),
      sheet: c.sheet,
      index: c.index,
      kind: c.kind,
      ...(c.milestone ? { milestone: c.milestone } : {}),
      ...(c.identifier ? { identifier: c.identifier } : {}),
      ...(c.holdsDates ? { holdsDates: true } : {}),
    })),
    rows: reading.rows,
    refused: reading.rowErrors,
    ...(mapping ? { mapping } : {}),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + PREVIEW_VALID_MS),
  };
  const { insertedId } = await ctx.store.imports.insertOne(doc);
  const imp = { ...doc, _id: insertedId, workspaceId: ctx.store.workspaceId };
  return { imp, reading, plan };
}
