import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_PATTERN,
  normaliseCaseRef,
} from '../../domain/case-reference.js';
import type { ModelContext } from '../model-context.js';
import { findMentions } from '../cases/find-mentions.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { localToday } from '../local-date.js';
import { addCaseHistorySheet } from './case-history-sheet.js';
import { mentionRows } from './case-mentions.js';
import { addMentionsSheet } from './case-mentions-sheet.js';
import { addCaseSheet } from './case-sheet.js';
import { milestoneColumns } from './milestone-columns.js';
import { otherCasesRedactor } from './redact-other-cases.js';
import { caseFileName, newWorkbook, workbookBuffer } from './workbook-file.js';

export interface CaseWorkbook {
  fileName: string;
  data: Buffer;
}

/**
 * Everything held on one child as an .xlsx: the case's dates, its own audit trail and the other
 * records that name it, holding nothing about any other child (no source texts, and every other
 * reference replaced). Null when nothing is held on the reference. Reads only; the caller
 * audits the export itself.
 */
export async function buildCaseWorkbook(
  ctx: Pick<ModelContext, 'store' | 'now' | 'programme'>,
  caseRef: string,
): Promise<CaseWorkbook | null> {
  const { store, now, programme } = ctx;
  const ref = normaliseCaseRef(caseRef);
  const [held, trail, mentions, refs] = await Promise.all([
    store.cases.findOne({ caseRef: ref }),
    store.audit.find({ entity: 'case', entityId: ref }, { sort: { at: 1, _id: 1 } }).toArray(),
    findMentions(store, ref),
    store.cases.distinct('caseRef') as Promise<string[]>,
  ]);
  const pattern = compileCaseRefPattern(programme?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN);
  const mentioned = mentionRows(mentions, otherCasesRedactor(ref, pattern, refs));
  if (!held && trail.length === 0 && mentioned.length === 0) return null;

  const catalogue = catalogueOf(programme);
  const group = held?.groupKey ? await store.groups.findOne({ key: held.groupKey }) : null;
  const workbook = await newWorkbook(now);
  addCaseSheet(
    workbook,
    ref,
    held,
    milestoneColumns(catalogue, held ? [held] : []),
    group?.name ?? held?.groupKey ?? null,
  );
  addCaseHistorySheet(workbook, trail, catalogue);
  addMentionsSheet(workbook, mentioned);
  return { fileName: caseFileName(ref, localToday(ctx)), data: await workbookBuffer(workbook) };
}
