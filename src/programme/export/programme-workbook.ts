import type { ModelContext } from '../model-context.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { localToday } from '../local-date.js';
import { analyseAllMeasures } from './analyse-all-measures.js';
import { addAuditSheet } from './audit-sheet.js';
import { addCyclesSheet } from './cycles-sheet.js';
import { addGroupsSheet } from './groups-sheet.js';
import { addPeopleSheet } from './people-sheet.js';
import { addProgrammeSheet } from './programme-sheet.js';
import { groupNames } from './group-names.js';
import { addMeasuresSheet } from './measures-sheet.js';
import { milestoneColumns } from './milestone-columns.js';
import { addTrackerSheet } from './tracker-sheet.js';
import { exportFileName, newWorkbook, workbookBuffer } from './workbook-file.js';

export interface ProgrammeWorkbook {
  fileName: string;
  data: Buffer;
  /** What it holds, for the reply that sends it. */
  counts: { cases: number; cycles: number; measures: number; auditEntries: number };
}

/**
 * The programme's whole record as one .xlsx: the tracker of children's dates (in the layout the
 * tracker import reads back), the programme's settings, its aim groups with their aims and people,
 * who is on it in what role, the tests of change, every measure's points with their run-chart
 * reading, and the audit log. Reads only; the caller audits the export itself.
 */
export async function buildProgrammeWorkbook(
  ctx: Pick<ModelContext, 'store' | 'now' | 'programme'>,
): Promise<ProgrammeWorkbook> {
  const { store, now, programme } = ctx;
  const today = localToday(ctx);
  const timeZone = programme?.timeZone ?? 'Europe/London';
  const [cases, cycles, audit, names, measures, groups, members] = await Promise.all([
    store.cases.find({}, { sort: { caseRef: 1 } }).toArray(),
    store.pdsa.find({}, { sort: { number: 1 } }).toArray(),
    store.audit.find({}, { sort: { at: 1, _id: 1 } }).toArray(),
    groupNames(store),
    analyseAllMeasures(store, programme, now, today),
    store.groups.find({}, { sort: { name: 1 } }).toArray(),
    store.members.find({}, { projection: { userId: 1, name: 1, roles: 1 } }).toArray(),
  ]);
  const workbook = await newWorkbook(now);
  const milestones = milestoneColumns(catalogueOf(programme), cases);
  addTrackerSheet(workbook, cases, { milestones, groupNames: names, today });
  addProgrammeSheet(workbook, programme);
  const people = new Map(members.map((m) => [m.userId, m.name]));
  const measureNames = new Map(measures.map((m) => [m.measure.key, m.measure.name]));
  addGroupsSheet(workbook, groups, { people, measures: measureNames });
  addPeopleSheet(workbook, members, groups);
  addCyclesSheet(workbook, cycles, { groupNames: names, timeZone });
  addMeasuresSheet(workbook, measures, names);
  addAuditSheet(workbook, audit, (value) => people.get(value));
  return {
    fileName: exportFileName(today),
    data: await workbookBuffer(workbook),
    counts: {
      cases: cases.length,
      cycles: cycles.length,
      measures: measures.length,
      auditEntries: audit.length,
    },
  };
}
