import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook, table } from '../helpers/workbook-text.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../src/domain/case-reference.js';
import { buildProgrammeWorkbook } from '../../src/programme/export/programme-workbook.js';
import type { PdsaCycle } from '../../src/store/schemas/pdsa.js';
import type { PredictionCheck } from '../../src/store/schemas/prediction.js';
import type { Programme } from '../../src/store/schemas/programme.js';
import { workspaceStore, type WorkspaceStore } from '../../src/store/workspace-store.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';

const NOW = new Date('2027-04-06T10:00:00Z');
const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

let testDb: TestDb;
let store: WorkspaceStore;
let programme: Programme;

const check = (fields: Partial<PredictionCheck>): PredictionCheck => ({
  botVerdict: 'met',
  verdict: 'met',
  level: 28,
  before: 34,
  points: 5,
  signal: null,
  checkedOn: '2027-03-31',
  ...fields,
});

function cycle(number: number, study?: PredictionCheck): Omit<PdsaCycle, 'workspaceId'> {
  return {
    number,
    title: `Test number ${number}`,
    changeIdea: 'Book the panel at the 72-hour meeting',
    groupKey: 'permanence-milestones',
    ownerId: 'U-MEMBER',
    ownerName: 'Mo Member',
    stage: study ? 'study' : 'plan',
    plan: {
      objective: 'See whether booking early shortens the wait',
      prediction: 'The median falls to 30 weeks or below by March',
      checkable: { measureKey: 'accommodated-to-permanence-recommendation', direction: 'down', amount: 30, by: '2027-03-31' },
      startOn: '2026-11-02',
    },
    ...(study && { study: { resultsVsPrediction: 'As predicted', learned: 'Booking early helps', predictionCheck: study } }),
    rampPosition: 1,
    linkedMeasures: ['accommodated-to-permanence-recommendation'],
    notes: [],
    stageDates: { plan: at('2026-10-20'), ...(study && { study: at('2027-04-01') }) },
    version: 1,
    createdAt: at('2026-10-20'),
    updatedAt: at('2027-04-01'),
  };
}

beforeAll(async () => {
  testDb = await openTestDb('export_verdicts');
  store = workspaceStore(testDb.db, 'W-VERDICTS');
  await store.programmes.insertOne({
    name: 'Northshire PACE',
    timeZone: 'Europe/London',
    caseRefPattern: DEFAULT_CASE_REF_PATTERN,
    ruleSet: 'ihi',
    milestones: [],
    createdAt: at('2025-01-01'),
    updatedAt: at('2025-01-01'),
  });
  programme = (await store.programmes.findOne({}))!;
  await store.pdsa.insertMany([
    // The bot read "met" and the person recording Study kept it.
    cycle(1, check({})),
    // The bot read "met"; the group said "partly met", with a reason.
    cycle(2, check({ verdict: 'partly_met', reason: 'Only one of the two teams used it' })),
    // Not studied yet: no verdict at all.
    cycle(3),
    // The bot could not yet tell; kept as it was.
    cycle(4, check({ botVerdict: 'too_early', verdict: 'too_early', points: 2 })),
    cycle(5, check({ botVerdict: 'partly_met', verdict: 'not_met', reason: 'The shift came from the court backlog clearing' })),
  ]);
});

afterAll(async () => {
  await testDb?.drop();
});

describe('the tests-of-change sheet', () => {
  it('carries each studied prediction’s verdict in words, and whether a person overruled the bot', async () => {
    const built = await buildProgrammeWorkbook({ store, now: NOW, programme });
    const workbook = await loadWorkbook(built.data);
    const [header, ...rows] = table(workbook.getWorksheet('Tests of change')!);
    const column = (title: string) => {
      const index = header!.indexOf(title);
      expect(index, `column "${title}"`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const columns = ['Test', 'Prediction verdict', 'Bot’s verdict', 'Overruled by a person', 'Why overruled'].map(column);
    expect(rows.map((row) => columns.map((c) => row[c]))).toEqual([
      ['T-1', 'met', 'met', 'no', null],
      ['T-2', 'partly met', 'met', 'yes', 'Only one of the two teams used it'],
      ['T-3', null, null, null, null],
      ['T-4', 'too early', 'too early', 'no', null],
      ['T-5', 'not met', 'partly met', 'yes', 'The shift came from the court backlog clearing'],
    ]);
    // The verdict columns sit beside what the team wrote about the prediction.
    expect(column('Prediction verdict')).toBe(column('Results vs prediction') + 1);
  });
});
