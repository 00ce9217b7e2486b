import type { MentionCollection } from '../cases/find-mentions.js';
import { DateTime } from 'luxon';
import { RETENTION_NOTICE_DAYS } from '../../domain/retention.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { addTableSheet } from '../export/sheet-style.js';
import { newWorkbook, workbookBuffer } from '../export/workbook-file.js';
import { localToday } from '../local-date.js';
import type { ModelContext } from '../model-context.js';
import { caseRetentionDue, retentionRule } from '../retention/retention-of.js';
import { fieldsHeld } from './fields-held.js';

export interface PrivacyReport {
  fileName: string;
  data: Buffer;
}

async function rolesHeld(store: WorkspaceStore) {
  const [members, groups] = await Promise.all([store.members.find({}).toArray(), store.groups.find({}).toArray()]);
  return members.map((m) => {
    const leads = groups.filter((g) => g.leads.includes(m.userId)).map((g) => g.name);
    const roles = [...m.roles, ...(leads.length ? [`lead of ${leads.join(', ')}`] : [])];
    return [m.name, m.userId, roles.join('; ') || 'member'];
  });
}

/**
 * `privacy report` for a data protection officer (a DPIA's questions): what is held (collections,
 * field names and counts, never values), where (the store), the retention rule and what it does,
 * the erasures and exports made, and who holds which role.
 */
export async function buildPrivacyReport(
  ctx: Pick<ModelContext, 'store' | 'now' | 'programme'>,
  storeLocation: string,
): Promise<PrivacyReport> {
  const { store, now, programme } = ctx;
  const today = localToday(ctx);
  const soon = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: RETENTION_NOTICE_DAYS }).toISODate()!;
  const [fields, roles, cases, acts] = await Promise.all([
    fieldsHeld(store),
    rolesHeld(store),
    store.cases.find({}, { projection: { milestones: 1, updatedAt: 1, keepUntil: 1 } }).toArray(),
    store.audit.find({ action: { $in: ['erase', 'export', 'retention_extend', 'retention_set', 'import'] }, entity: { $in: ['case', 'programme'] } }, { sort: { at: 1 } }).toArray(),
  ]);
  const rule = retentionRule(programme);
  const dues = cases.map((c) => caseRetentionDue(c, programme));
  const workbook = await newWorkbook(now);
  addTableSheet(workbook, 'What is held', [
    { header: 'Collection', width: 22 },
    { header: 'Field', width: 44 },
    { header: 'Documents', width: 12 },
  ], fields.map((f) => [f.collection, f.field, f.documents]));
  addTableSheet(workbook, 'Where', [
    { header: 'What', width: 30 },
    { header: 'Value', width: 80 },
  ], [
    ['Store', storeLocation],
    ['Workspace', store.workspaceId],
    ['Programme', programme?.name ?? 'not set up'],
    ['Report made', now.toISOString()],
  ]);
  addTableSheet(workbook, 'Retention', [
    { header: 'What', width: 48 },
    { header: 'Value', width: 20 },
  ], [
    ['Months kept after the order is granted', rule.monthsAfterOrder],
    ['Months kept with no activity', rule.monthsInactive],
    ['Days admins are told before erasure', RETENTION_NOTICE_DAYS],
    ['Case records held', cases.length],
    [`Due for erasure within ${RETENTION_NOTICE_DAYS} days`, dues.filter((d) => d <= soon).length],
    ['Kept longer by an admin', cases.filter((c) => c.keepUntil).length],
  ]);
  // The register of acts on children's records: when, who, what. References are pseudonymous;
  // an erased case is only ever "[erased]".
  addTableSheet(workbook, 'Erasures and exports', [
    { header: 'When', width: 24 },
    { header: 'Who', width: 24 },
    { header: 'Action', width: 18 },
    { header: 'Of', width: 18 },
    { header: 'Details', width: 40 },
  ], acts.map((a) => [a.at.toISOString(), a.actor.name, a.action, a.entityId, a.entity === 'case' && a.action === 'erase' ? erasureDetails(a.after) : a.action === 'export' ? (a.source.file ?? '') : '']));
  addTableSheet(workbook, 'Roles', [
    { header: 'Name', width: 28 },
    { header: 'Chat user id', width: 30 },
    { header: 'Roles', width: 50 },
  ], roles);
  return { fileName: `pacebot-privacy-report-${today}.xlsx`, data: await workbookBuffer(workbook) };
}

/**
 * What the records an erasure rewrote are, in words: one, and more than one. Typed over the
 * collections erasure scans, so one added there must be named here before the project compiles.
 */
const RECORD_WORDS: Record<MentionCollection, [string, string]> = {
  audit: ['audit entry', 'audit entries'],
  pdsa: ['test of change', 'tests of change'],
  pending: ['question', 'questions'],
  prompts: ['prompt', 'prompts'],
  promptResponses: ['prompt reply', 'prompt replies'],
  digests: ['digest', 'digests'],
  deliveries: ['delivery', 'deliveries'],
  imports: ['import', 'imports'],
  notices: ['notice', 'notices'],
  webMessages: ['local chat message', 'local chat messages'],
  measures: ['measure', 'measures'],
  groups: ['aim group', 'aim groups'],
  changeIdeas: ['change idea', 'change ideas'],
};

/**
 * An erasure's details in words: "Case record deleted; records that named it rewritten: 2 audit
 * entries, 1 test of change". The sheet showed the audit's raw JSON ({"caseDeleted":true,…}) to a
 * DPO (a try-out).
 */
export function erasureDetails(after: unknown): string {
  const { caseDeleted, recordsRewritten } = (after ?? {}) as { caseDeleted?: boolean; recordsRewritten?: Record<string, number> };
  const rewritten = Object.entries(recordsRewritten ?? {})
    .filter(([, count]) => count > 0)
    .map(([key, count]) => {
      const [one, many] = Object.hasOwn(RECORD_WORDS, key) ? RECORD_WORDS[key as MentionCollection] : [key, key];
      return `${count} ${count === 1 ? one : many}`;
    });
  return [
    caseDeleted ? 'Case record deleted' : 'No case record was held',
    rewritten.length > 0 ? `records that named it rewritten: ${rewritten.join(', ')}` : 'no other record named it',
  ].join('; ');
}
