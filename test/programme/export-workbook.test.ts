import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { everything, loadWorkbook as load, noteText, table } from '../helpers/workbook-text.js';
import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_PATTERN,
} from '../../src/domain/case-reference.js';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { buildCaseWorkbook } from '../../src/programme/export/case-workbook.js';
import { buildProgrammeWorkbook } from '../../src/programme/export/programme-workbook.js';
import { otherCasesRedactor } from '../../src/programme/export/redact-other-cases.js';
import { milestoneOfHeader } from '../../src/programme/tracker/header-milestones.js';
import { readTracker } from '../../src/programme/tracker/read-tracker.js';
import { MAX_YEARS_AHEAD, MAX_YEARS_BACK, catalogueOf } from '../../src/programme/cases/milestone-settings.js';
import { isReferenceHeader } from '../../src/programme/tracker/reference-column.js';
import type { AuditEntry } from '../../src/store/schemas/audit.js';
import type { Case } from '../../src/store/schemas/case.js';
import type { PdsaCycle } from '../../src/store/schemas/pdsa.js';
import type { Programme } from '../../src/store/schemas/programme.js';
import { workspaceStore, type WorkspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

/** The catalogue as the tracker shows it: no case here holds a fifth-to-tenth LAC review. */
const SHOWN = DEFAULT_MILESTONE_CATALOGUE.filter((m) => !/^(fifth|sixth|seventh|eighth|ninth|tenth)_lac_review$/.test(m.key));

const NOW = new Date('2026-12-06T10:00:00Z');
const TODAY = '2026-12-06';
// Words that only ever sit in an audit entry's source text: they must reach no workbook.
const PLANTED = 'Sophie Plantedname came into care';
const ADA = { userId: 'U-ADA', name: 'Ada Lovelace' };
const MEMBER = { id: 'U-MEMBER', name: 'Mo Member' };
const SLACK = (text?: string) => ({ platform: 'slack', eventId: 'Ev1', ...(text ? { text } : {}) });

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

let testDb: TestDb;
let store: WorkspaceStore;
let programme: Programme;

// "Came into care" is this programme's own name for `accommodated`: the tracker must use it.
const PROGRAMME: Omit<Programme, 'workspaceId'> = {
  name: 'Northshire PACE',
  timeZone: 'Europe/London',
  caseRefPattern: DEFAULT_CASE_REF_PATTERN,
  ruleSet: 'ihi',
  milestones: [{ key: 'accommodated', label: 'Came into care', synonyms: [], retired: false }],
  createdAt: at('2025-01-01'),
  updatedAt: at('2025-01-01'),
};

const CASES: Omit<Case, 'workspaceId'>[] = [
  {
    caseRef: 'C1042',
    groupKey: 'permanence-milestones',
    milestones: {
      accommodated: { actual: '2026-10-03' },
      first_lac_review: { actual: '2026-10-14' },
      // Still ahead on the export day.
      permanence_panel: { planned: '2027-01-20' },
    },
    version: 2,
    createdAt: at('2026-10-03'),
    updatedAt: at('2026-10-14'),
  },
  {
    caseRef: 'C1077',
    milestones: {
      accommodated: { actual: '2026-09-01' },
      first_lac_review: { actual: '2026-10-14' },
      // A plan whose day passed with no actual date recorded.
      legal_advice: { planned: '2026-11-01' },
    },
    version: 2,
    createdAt: at('2026-09-01'),
    updatedAt: at('2026-10-14'),
  },
  {
    caseRef: 'C2001',
    milestones: {
      accommodated: { actual: '2025-06-02' },
      permanence_recommendation: { actual: '2025-12-01' },
      permanence_panel: { actual: '2026-02-10' },
    },
    version: 3,
    createdAt: at('2025-06-02'),
    updatedAt: at('2026-02-10'),
  },
];

function cycle(number: number, fields: Partial<PdsaCycle> = {}): Omit<PdsaCycle, 'workspaceId'> {
  return {
    number,
    title: `Test number ${number}`,
    changeIdea: 'Set agenda at the 72-hour meeting',
    groupKey: 'permanence-milestones',
    ownerId: MEMBER.id,
    ownerName: MEMBER.name,
    stage: 'plan',
    plan: {
      objective: 'See whether chairs use the set agenda',
      prediction: 'At least 4 of the next 5 meetings will use it',
      startOn: '2026-11-02',
    },
    rampPosition: 1,
    linkedMeasures: ['visits-on-time'],
    notes: [],
    stageDates: { plan: at('2026-10-20') },
    version: 1,
    createdAt: at('2026-10-20'),
    updatedAt: at('2026-10-20'),
    ...fields,
  };
}

// Twelve months of a custom measure: six low then six high, an IHI shift once the median is set.
const VISITS = [40, 42, 41, 43, 40, 44, 60, 62, 61, 63, 64, 65];
const MONTHS = VISITS.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

function audit(entry: Omit<AuditEntry, 'workspaceId' | 'actor'>): Omit<AuditEntry, 'workspaceId'> {
  return { actor: ADA, ...entry };
}

const AUDIT: Omit<AuditEntry, 'workspaceId'>[] = [
  audit({
    at: at('2026-10-03'),
    entity: 'case',
    entityId: 'C1042',
    action: 'record',
    before: null,
    after: { milestones: { accommodated: { actual: '2026-10-03' } }, version: 1 },
    source: SLACK(`${PLANTED} (C1042) on 3 Oct`),
  }),
  // One message about two children leaves an entry per child, each with the same source text.
  ...(
    [
      ['C1042', { accommodated: { actual: '2026-10-03' } }],
      [
        'C1077',
        { accommodated: { actual: '2026-09-01' }, legal_advice: { planned: '2026-11-01' } },
      ],
    ] as const
  ).map(([caseRef, milestones]) =>
    audit({
      at: at('2026-10-14'),
      entity: 'case',
      entityId: caseRef,
      action: 'record',
      before: { milestones, version: 1 },
      after: {
        milestones: { ...milestones, first_lac_review: { actual: '2026-10-14' } },
        version: 2,
      },
      source: SLACK(`LAC review 14/10 for C1042 and C1077, ${PLANTED}`),
    }),
  ),
  // A lead added to a group: the change names a person by their chat user id.
  audit({
    at: at('2026-10-20'),
    entity: 'group',
    entityId: 'permanence-milestones',
    action: 'update',
    before: { leads: [], members: [] },
    after: { leads: [ADA.userId], members: [] },
    source: SLACK('group permanence-milestones lead Ada'),
  }),
  audit({
    at: at('2026-11-03'),
    entity: 'pdsa',
    entityId: 'T-1',
    action: 'note',
    before: null,
    after: { text: 'Used it for C1042 and c1077: both chairs liked it' },
    source: SLACK(PLANTED),
  }),
];

beforeAll(async () => {
  testDb = await openTestDb('export_workbook');
  store = workspaceStore(testDb.db, 'W-EXPORT');
  await store.programmes.insertOne(PROGRAMME);
  programme = (await store.programmes.findOne({}))!;
  await store.groups.insertOne({
    key: 'permanence-milestones',
    name: 'Permanence milestones',
    aim: { statement: 'Children reach permanence sooner', target: '80% within 30 weeks', targetDate: '2027-06-30' },
    leads: [ADA.userId],
    coaches: [],
    members: ['U-GONE'],
    subgroupEveryWeeks: 3,
    createdAt: at('2025-01-01'),
  });
  await store.members.insertOne({ userId: ADA.userId, name: ADA.name, roles: ['admin'], createdAt: at('2025-01-01') });
  await store.cases.insertMany(CASES);
  // Stored out of order: the sheet must still list T-1 first.
  await store.pdsa.insertMany([
    cycle(2, { title: 'Agenda in both east teams', previousNumber: 1, rampPosition: 2 }),
    cycle(1, {
      title: 'Agenda with Team A',
      stage: 'act',
      do: { carriedOutOn: '2026-11-02', whatHappened: 'Used at 5 meetings' },
      study: { resultsVsPrediction: 'Better than predicted', learned: 'Chairs like it' },
      act: { decision: 'adapt', nextCycle: 'Try it in both east teams' },
      startedOn: '2026-11-02',
      notes: [
        { at: at('2026-11-03'), by: MEMBER.id, byName: MEMBER.name, text: 'Used it for C1042' },
      ],
    }),
  ]);
  await store.measures.insertOne({
    key: 'visits-on-time',
    kind: 'custom',
    name: 'Visits on time',
    unit: '%',
    frequency: 'monthly',
    betterDirection: 'up',
    settings: { phases: [], exclusions: [], astronomical: [] },
    version: 1,
    createdAt: at('2025-01-01'),
    updatedAt: at('2025-01-01'),
  });
  await store.dataPoints.insertMany(
    VISITS.map((value, i) => ({
      measureKey: 'visits-on-time',
      period: MONTHS[i]!,
      value,
      recordedBy: ADA,
      createdAt: at('2026-01-01'),
      updatedAt: at('2026-01-01'),
    })),
  );
  await store.audit.insertMany(AUDIT);
});

afterAll(async () => {
  await testDb?.drop();
});

const ctx = () => ({ store, now: NOW, programme });
/** How the tracker import reads a workbook for this programme, today. */
const importSettings = () => ({
  catalogue: catalogueOf(programme),
  pattern: compileCaseRefPattern(),
  today: TODAY,
  maxYearsBack: MAX_YEARS_BACK,
  maxYearsAhead: MAX_YEARS_AHEAD,
});

describe('the programme workbook', () => {
  let built: Awaited<ReturnType<typeof buildProgrammeWorkbook>>;
  let workbook: ExcelJS.Workbook;
  const sheet = (name: string) => workbook.getWorksheet(name)!;
  /** The header row and the rows below it, and a column's index by its header. */
  const read = (name: string) => {
    const [header, ...rows] = table(sheet(name));
    return { header: header!, rows, column: (title: string) => header!.indexOf(title) };
  };

  beforeAll(async () => {
    built = await buildProgrammeWorkbook(ctx());
    workbook = await load(built.data);
  });

  it('names the file by the programme-local date and counts what it holds', () => {
    expect(built.fileName).toBe(`pacebot-export-${TODAY}.xlsx`);
    // Six default interval measures plus the custom one (the group has no aim, so no proportion).
    expect(built.counts).toEqual({ cases: 3, cycles: 2, measures: 7, auditEntries: 5 });
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tracker',
      'Programme',
      'Aim groups',
      'People',
      'Tests of change',
      'Measures',
      'Audit',
    ]);
  });

  it('holds the programme, its aim groups with their aims and people by name, and who is in what role (a try-out found them only in the Audit sheet)', () => {
    const settings = read('Programme');
    expect(settings.rows).toContainEqual(['Programme', 'Northshire PACE']);
    expect(settings.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Champions’ meetings', 'Digest', 'Retention', 'Case references']),
    );
    // In words, not the pattern's regular expression (a try-out found ^[A-Za-z]{1,3}… there).
    expect(settings.rows).toContainEqual(['Case references', 'like C1042: one to three letters, then 3 to 8 digits, with - / _ or . between them or not']);
    const groups = read('Aim groups');
    const row = groups.rows[0]!;
    expect(row[groups.column('Aim group')]).toBe('Permanence milestones');
    expect(row[groups.column('Aim')]).toBe('Children reach permanence sooner');
    expect(row[groups.column('Leads')]).toBe('Ada Lovelace');
    // A platform id is not shown for someone the programme no longer holds.
    expect(row[groups.column('Members')]).toBe('someone no longer on the programme');
    const people = read('People');
    expect(people.rows).toEqual([['Ada Lovelace', 'admin', 'Permanence milestones (lead)']]);
    // Nor in the Audit sheet: a lead added reads by name (a review found the ids there).
    expect(everything(workbook)).not.toMatch(/U-ADA|U-GONE/);
    const log = read('Audit');
    expect(log.rows.map((r) => r[log.column('What changed')])).toContain('leads: none → Ada Lovelace');
  });

  it('imports back from its Tracker sheet alone: the Audit sheet is not read as a second tracker (a try-out imported an export)', async () => {
    const settings = importSettings();
    const reading = await readTracker(built.data, built.fileName, settings);
    expect(reading.sheets.map((s) => s.name)).toEqual(['Tracker']);
    expect(reading.rowErrors.filter((e) => String(e.row).startsWith('Audit'))).toEqual([]);
    expect(new Set(reading.rows.map((r) => r.caseRef))).toEqual(new Set(['C1042', 'C1077', 'C2001']));
  });

  it('reads a renamed Tracker and a sheet the area added to its export, but never the export\'s other sheets', async () => {
    const settings = importSettings();
    const edited = await load(built.data);
    edited.getWorksheet('Tracker')!.name = 'Children';
    const added = edited.addWorksheet('New referrals');
    added.addRow(['Case ref', 'Came into care']);
    added.addRow(['C3001', new Date(Date.UTC(2026, 9, 1))]);
    const data = Buffer.from(await edited.xlsx.writeBuffer());
    const reading = await readTracker(data, built.fileName, settings);
    expect(reading.sheets.map((s) => s.name)).toEqual(['Children', 'New referrals']);
    expect(reading.rows.map((r) => r.caseRef)).toContain('C3001');
  });

  it("heads the tracker with the programme's milestone labels, in order, as the importer reads them", () => {
    const { header } = read('Tracker');
    const labels = SHOWN.map((m) =>
      m.key === 'accommodated' ? 'Came into care' : m.label,
    );
    expect(header).toEqual(['Case ref', ...labels, 'Aim group']);
    expect(isReferenceHeader(String(header[0]))).toBe(true);
    const keys = header
      .slice(1, -1)
      .map((h) => milestoneOfHeader(String(h), DEFAULT_MILESTONE_CATALOGUE));
    expect(keys).toEqual(SHOWN.map((m) => m.key));
    expect(milestoneOfHeader('Aim group', DEFAULT_MILESTONE_CATALOGUE)).toBeNull();
    expect(sheet('Tracker').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet('Tracker').autoFilter).toBeTruthy();
  });

  it('writes every stored date as a real Excel date, plans marked, and no past plan as a date', () => {
    const tracker = sheet('Tracker');
    const { header, rows } = read('Tracker');
    expect(rows.map((r) => r[0])).toEqual(['C1042', 'C1077', 'C2001']);
    const keys = SHOWN.map((m) => m.key);
    for (const [r, stored] of CASES.entries()) {
      for (const [m, key] of keys.entries()) {
        const cell = tracker.getCell(r + 2, m + 2);
        const { actual, planned } = stored.milestones[key] ?? {};
        // A plan still ahead reads back as planned; one whose day has passed would read as actual.
        const expected = actual ?? (planned && planned > TODAY ? planned : null);
        expect([stored.caseRef, header[m + 1], cell.value]).toEqual([
          stored.caseRef,
          header[m + 1],
          expected ? utc(expected) : null,
        ]);
        if (expected) expect(cell.numFmt).toBe('dd/mm/yyyy');
      }
    }
    const plannedPanel = tracker.getCell(2, keys.indexOf('permanence_panel') + 2);
    expect(noteText(plannedPanel.note)).toMatch(/^Planned/);
    expect(plannedPanel.font?.italic).toBe(true);
    const actualPanel = tracker.getCell(4, keys.indexOf('permanence_panel') + 2);
    expect(actualPanel.font?.italic).toBeFalsy();
    expect(noteText(actualPanel.note)).toBe('');
    const passedPlan = tracker.getCell(3, keys.indexOf('legal_advice') + 2);
    expect(noteText(passedPlan.note)).toContain('Planned for 01/11/2026');
    expect(rows.map((r) => r.at(-1))).toEqual(['Permanence milestones', null, null]);
  });

  it('lists every test of change by number, with its ramp and every stage', () => {
    const { rows, column } = read('Tests of change');
    expect(rows.map((r) => r[column('Test')])).toEqual(['T-1', 'T-2']);
    expect(rows.map((r) => r[column('Builds on')])).toEqual([null, 'T-1']);
    expect(rows.map((r) => r[column('Ramp position')])).toEqual([1, 2]);
    const [first] = rows;
    expect(first![column('Aim group')]).toBe('Permanence milestones');
    expect(first![column('Prediction')]).toBe('At least 4 of the next 5 meetings will use it');
    expect(first![column('Carried out on')]).toEqual(utc('2026-11-02'));
    expect(first![column('Learned')]).toBe('Chairs like it');
    expect(first![column('Decision')]).toBe('adapt');
    expect(first![column('Linked measures')]).toBe('visits-on-time');
    expect(first![column('Notes')]).toBe('2026-11-03 Mo Member: Used it for C1042');
  });

  it('gives each point of a measure with its run-chart reading', () => {
    const { rows, column } = read('Measures');
    const visits = rows.filter((r) => r[column('Measure key')] === 'visits-on-time');
    expect(visits.map((r) => r[column('Value')])).toEqual(VISITS);
    expect(visits.map((r) => r[column('Period')])).toEqual(MONTHS);
    expect(new Set(visits.map((r) => r[column('Median')]))).toEqual(new Set([52]));
    // Six below then six above the median: every point is part of a shift.
    expect(visits.map((r) => r[column('Side of median')])).toEqual([
      ...Array(6).fill('below'),
      ...Array(6).fill('above'),
    ]);
    expect(visits.every((r) => r[column('In shift (IHI)')] === 'yes')).toBe(true);
    // A per-child interval measure carries each child's reference.
    const perChild = rows.filter(
      (r) => r[column('Measure key')] !== 'visits-on-time' && r[column('Case ref')] === 'C2001',
    );
    expect(perChild.length).toBeGreaterThan(0);
  });

  it('keeps the audit log without any source text', () => {
    const { header, rows } = read('Audit');
    expect(header).toEqual([
      'When',
      'Who',
      'Entity',
      'Entity id',
      'Action',
      'What changed',
      'Source',
    ]);
    expect(rows.map((r) => [r[0], r[1], r[3], r[6]])).toEqual([
      ['2026-10-03T09:00:00.000Z', 'Ada Lovelace', 'C1042', 'slack'],
      ['2026-10-14T09:00:00.000Z', 'Ada Lovelace', 'C1042', 'slack'],
      ['2026-10-14T09:00:00.000Z', 'Ada Lovelace', 'C1077', 'slack'],
      ['2026-10-20T09:00:00.000Z', 'Ada Lovelace', 'permanence-milestones', 'slack'],
      ['2026-11-03T09:00:00.000Z', 'Ada Lovelace', 'T-1', 'slack'],
    ]);
    expect(rows[0]![5]).toBe('milestones.accommodated.actual: — → 2026-10-03');
    expect(everything(workbook)).not.toContain('Plantedname');
    expect(everything(workbook)).not.toContain('LAC review 14/10');
  });
});

describe('the per-case workbook', () => {
  it('is null when nothing is held on the reference', async () => {
    expect(await buildCaseWorkbook(ctx(), 'C9999')).toBeNull();
  });

  it("holds the child's dates, own history and mentions, and nothing of another child", async () => {
    const built = (await buildCaseWorkbook(ctx(), 'c1042'))!;
    expect(built.fileName).toBe(`pacebot-case-C1042-${TODAY}.xlsx`);
    const workbook = await load(built.data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Case', 'Case history', 'Mentions']);

    const [caseHeader, ...caseRows] = table(workbook.getWorksheet('Case')!);
    expect(caseHeader).toEqual(['Case ref', 'Milestone', 'Date', 'Actual or planned', 'Aim group']);
    const dated = caseRows.filter((r) => r[2] !== null).map((r) => [r[1], r[2], r[3]]);
    expect(dated).toEqual([
      ['Came into care', utc('2026-10-03'), 'actual'],
      ['First LAC review', utc('2026-10-14'), 'actual'],
      ['Permanence panel', utc('2027-01-20'), 'planned'],
    ]);

    const [, ...history] = table(workbook.getWorksheet('Case history')!);
    expect(history.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['Ada Lovelace', 'record', 'Came into care', '—', '03/10/2026'],
      ['Ada Lovelace', 'record', 'First LAC review', '—', '14/10/2026'],
    ]);

    const [, ...mentions] = table(workbook.getWorksheet('Mentions')!);
    expect(mentions.map((r) => r[3])).toContain(
      'Used it for C1042 and [other case]: both chairs liked it',
    );

    const seen = everything(workbook);
    expect(seen).toContain('C1042');
    expect(seen).not.toMatch(/C1077/i);
    expect(seen).not.toContain('Plantedname');
  });
});

describe('replacing other children in free text', () => {
  const pattern = compileCaseRefPattern(DEFAULT_CASE_REF_PATTERN);

  it('replaces every other reference the pattern reads, joined or lower case; keeps the child', () => {
    const redact = otherCasesRedactor('C1042', pattern, []);
    expect(redact('C1042/C1077 and c2001 at panel; C10420 is not C1042')).toBe(
      'C1042/[other case] and [other case] at panel; [other case] is not C1042',
    );
  });

  it('also replaces a held reference the pattern would not read', () => {
    const redact = otherCasesRedactor('C1042', pattern, ['C1042', 'NS-77']);
    expect(redact('C1042 and ns-77 both')).toBe('C1042 and [other case] both');
  });
});
