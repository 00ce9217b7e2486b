import { auditCase } from '../../../programme/cases/audit-case.js';
import { buildCaseWorkbook } from '../../../programme/export/case-workbook.js';
import type { TurnContext } from '../../context.js';
import { text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { XLSX_TYPE } from '../../audited-workbook.js';

export const EXPORT_CASE_VERB = 'case.export';

/**
 * `case C1042 export` (admins): everything held on one reference — its dates, its own audit trail
 * and the other records that name it — as a workbook that holds that child only (a subject-access
 * response must never disclose another child). The export is itself audited.
 */
export async function exportCase(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'export a case');
  const workbook = await buildCaseWorkbook(ctx, caseRef);
  if (!workbook) return [text(`Nothing is held on ${caseRef}.`)];
  const { platform, eventId } = ctx.turn;
  await auditCase(ctx, caseRef, 'export', null, null, { platform, eventId });
  return [
    {
      kind: 'file',
      data: workbook.data,
      fileName: workbook.fileName,
      mimeType: XLSX_TYPE,
      title: `Everything held on ${caseRef}`,
      alt: `${caseRef}: its milestone dates, its history and the records that name it. Keep it as securely as the case file.`,
      again: { verb: EXPORT_CASE_VERB, data: { ref: caseRef } },
    },
  ];
}
