import { z } from 'zod';

/** Where a change came from: the platform event, and for an import the file and row. */
export const AuditSourceSchema = z.object({
  platform: z.string(),
  eventId: z.string(),
  text: z.string().max(4000).optional(),
  /** A tracker import's file name and the row a change came from; never a cell's text. */
  file: z.string().max(200).optional(),
  row: z.union([z.number(), z.string().max(80)]).optional(),
});
export type AuditSource = z.infer<typeof AuditSourceSchema>;
