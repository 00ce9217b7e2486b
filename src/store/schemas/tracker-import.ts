import { z } from 'zod';
import { MilestoneRecordSchema } from '../../domain/milestone-record.js';
import { ActorSchema, ObjectIdSchema } from './common.js';

const RowSchema = z.union([z.number().int().positive(), z.string().max(80)]);

/** One row that imports: its case and the dates read from it (never any other cell). */
export const ImportRowSchema = z.object({
  row: RowSchema,
  caseRef: z.string(),
  records: z.array(MilestoneRecordSchema),
  /** From a "Team" / "Locality" / "Area office" column, tidied and checked for identifiers. */
  team: z.string().max(40).optional(),
});

/** How one column of the file was read; headers only, never a cell. */
export const ImportColumnSchema = z.object({
  header: z.string().max(200),
  sheet: z.string().max(120),
  index: z.number().int().positive(),
  kind: z.enum(['reference', 'milestone', 'identifier', 'ignored', 'team']),
  milestone: z.string().optional(),
  identifier: z.string().optional(),
  holdsDates: z.boolean().optional(),
});

/**
 * A tracker import, from preview to applied. The preview keeps only what the file says about each
 * case (pseudonymous reference, milestone, date) so Confirm needs no second upload; identifier
 * columns and free text are never here. `applying` with a lease is how a crash mid-import is
 * repaired: whoever finds it next (Confirm again, or the start-up sweep) finishes it, once.
 */
export const TrackerImportSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  number: z.number().int().positive(),
  userId: z.string(),
  actor: ActorSchema,
  platform: z.string(),
  fileName: z.string().max(200),
  /** `undoing` with a lease, like `applying`, is how a crash while taking an import back is repaired. */
  status: z.enum(['preview', 'applying', 'applied', 'cancelled', 'undoing', 'undone']),
  headerRow: z.number().int().nonnegative(),
  sheets: z.array(z.object({ name: z.string().max(120), headerRow: z.number().int() })),
  columns: z.array(ImportColumnSchema),
  rows: z.array(ImportRowSchema),
  refused: z.array(z.object({ row: RowSchema, reason: z.string().max(400) })),
  /** The admin's re-mapping of columns (header → milestone key or 'ignore'), reused for the next file. */
  mapping: z.record(z.string().max(200), z.string().max(60)).optional(),
  leaseUntil: z.date().optional(),
  createdAt: z.date(),
  expiresAt: z.date(),
  appliedAt: z.date().optional(),
  /** Who took the import back (`import undo`), and when it was done. */
  undoneBy: ActorSchema.optional(),
  undoneAt: z.date().optional(),
});
export type TrackerImport = z.infer<typeof TrackerImportSchema>;
export type ImportRow = z.infer<typeof ImportRowSchema>;
