import type { CardAction } from '../../cards/model.js';
import type { TurnContext } from './context.js';
import type { Reply } from './turn.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkbookToHand {
  fileName: string;
  data: Buffer;
  title: string;
  alt: string;
  /** What the audit entry records as `after` (counts, never contents). */
  audited: unknown;
  /** The action that makes the file again (Teams asks consent first, then needs it anew). */
  again: CardAction;
}

/**
 * A programme-wide workbook handed to an admin (the export, the privacy report): audited as the
 * programme's, with the file's name, then returned as a file reply.
 */
export async function auditedWorkbook(ctx: TurnContext, action: string, file: WorkbookToHand): Promise<Reply[]> {
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'programme',
    entityId: String(ctx.programme?._id ?? 'none'),
    action,
    before: null,
    after: (file.audited ?? null) as Record<string, unknown> | null,
    source: { platform: ctx.turn.platform, eventId: ctx.turn.eventId, file: file.fileName },
    at: ctx.now,
  });
  const { fileName, data, title, alt, again } = file;
  return [{ kind: 'file', data, fileName, mimeType: XLSX_TYPE, title, alt, again }];
}
