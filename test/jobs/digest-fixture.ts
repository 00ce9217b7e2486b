import { ObjectId, type Db } from 'mongodb';
import type { Case } from '../../src/store/schemas/case.js';
import type { PdsaCycle } from '../../src/store/schemas/pdsa.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, COACH, LEAD, MEMBER, type TestBot, type TestUser } from '../helpers/test-bot.js';

export const WORKSPACE = 'T1';
export const CHAMPIONS = 'C-CHAMPIONS';
export const LEGAL_LEAD: TestUser = { id: 'U-LEGAL', name: 'Lou Legal' };
/** Before the clocks change on Sun 28 Mar 2027; the meeting on Thu 1 Apr 2027 is in summer time. */
export const SETUP_AT = '2027-03-20T12:00:00Z';
/** Tue 30 Mar 2027 09:00 BST: two working days before the meeting on Thu 1 Apr 10:00. */
export const DIGEST_DUE = '2027-03-30T08:00:00Z';

/** Children who reached the permanence recommendation, one or two a month, for the run chart. */
const REACHED: [string, string, string][] = [
  ['C2001', '2025-06-02', '2026-01-12'],
  ['C2002', '2025-07-14', '2026-02-09'],
  ['C2003', '2025-08-04', '2026-03-16'],
  ['C2004', '2025-09-01', '2026-04-20'],
  ['C2005', '2025-10-06', '2026-05-18'],
  ['C2006', '2025-11-03', '2026-06-15'],
  ['C2007', '2025-12-01', '2026-07-13'],
  ['C2008', '2026-01-05', '2026-08-10'],
  ['C2009', '2026-02-02', '2026-09-14'],
  ['C2010', '2026-03-02', '2026-10-12'],
  ['C2011', '2026-04-06', '2026-11-09'],
  ['C2012', '2026-05-04', '2026-12-14'],
  ['C2013', '2026-06-01', '2027-01-11'],
  ['C2014', '2026-07-06', '2027-02-08'],
];

const caseOf = (caseRef: string, milestones: Case['milestones'], groupKey?: string): Omit<Case, 'workspaceId'> => ({
  caseRef,
  milestones,
  version: 0,
  ...(groupKey ? { groupKey } : {}),
  createdAt: new Date(SETUP_AT),
  updatedAt: new Date(SETUP_AT),
});

/**
 * Three children still waiting (one for 41 weeks, past the aim's 26), one whose recommendation is
 * recorded before accommodation, and a fourth waiting whose planned first LAC review passed undated.
 */
export const WAITING = ['C3001', 'C3002', 'C3003'];
export const OUT_OF_ORDER = 'C4001';
export const PLANNED_PASSED = 'C4002';

// The recommendation is made at a LAC review, so each child has its first one two weeks in.
const twoWeeksAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
const reached = (from: string, to: string): Case['milestones'] => ({
  accommodated: { actual: from },
  first_lac_review: { actual: twoWeeksAfter(from) },
  permanence_recommendation: { actual: to },
});

function cases(): Omit<Case, 'workspaceId'>[] {
  return [
    ...REACHED.map(([ref, from, to]) => caseOf(ref, reached(from, to))),
    caseOf('C3001', { accommodated: { actual: '2026-06-15' } }),
    caseOf('C3002', { accommodated: { actual: '2027-01-11' } }),
    caseOf('C3003', { accommodated: { actual: '2027-02-15' } }),
    caseOf(OUT_OF_ORDER, reached('2026-09-01', '2026-08-01'), 'permanence-milestones'),
    caseOf(PLANNED_PASSED, { accommodated: { actual: '2027-03-01' }, first_lac_review: { planned: '2027-03-15' } }),
  ];
}

function cycle(number: number, fields: Partial<PdsaCycle>): Omit<PdsaCycle, 'workspaceId'> {
  return {
    number,
    title: `Test ${number}`,
    changeIdea: 'Set agenda at the 72-hour meeting',
    groupKey: 'permanence-milestones',
    ownerId: MEMBER.id,
    ownerName: MEMBER.name,
    stage: 'plan',
    plan: { objective: 'See whether chairs use it', prediction: 'Four of five meetings will' },
    rampPosition: 1,
    linkedMeasures: [],
    notes: [],
    stageDates: {},
    version: 0,
    createdAt: new Date('2027-01-04T10:00:00Z'),
    updatedAt: new Date('2027-01-04T10:00:00Z'),
    ...fields,
  };
}

const at = (iso: string) => new Date(iso);

/** Since the last meeting (18 Feb): T-1 started, T-2 carried out 3 Mar and not studied, T-3 adopted. */
function cycles(): Omit<PdsaCycle, 'workspaceId'>[] {
  return [
    cycle(1, { title: 'Agenda at 72-hour meetings', stageDates: { plan: at('2027-03-01T10:00:00Z') } }),
    cycle(2, {
      title: 'Tracker of key dates',
      stage: 'do',
      do: { carriedOutOn: '2027-03-03', whatHappened: 'Used at two reviews' },
      stageDates: { plan: at('2027-01-10T10:00:00Z'), do: at('2027-03-03T16:00:00Z') },
    }),
    cycle(3, {
      title: 'Review at two weeks',
      stage: 'act',
      do: { carriedOutOn: '2027-01-20', whatHappened: 'Held for three children' },
      study: { resultsVsPrediction: 'As predicted', learned: 'Chairs like it' },
      act: { decision: 'adopt' },
      stageDates: {
        plan: at('2027-01-05T10:00:00Z'),
        do: at('2027-01-20T10:00:00Z'),
        study: at('2027-02-25T10:00:00Z'),
        act: at('2027-03-02T10:00:00Z'),
      },
    }),
  ];
}

/**
 * The data a digest reports on, written straight to the store: the aim's key measure, cases (some
 * never accepted by the bot, as an import could bring them), tests of change and a coach's question.
 */
export async function seedDigestData(db: Db, workspaceId: string): Promise<void> {
  const store = workspaceStore(db, workspaceId);
  const aimMeasure = { 'aim.measureKey': 'accommodated-to-permanence-recommendation' };
  await store.groups.updateOne({ key: 'permanence-milestones' }, { $set: aimMeasure });
  await store.cases.insertMany(cases());
  await store.pdsa.insertMany(cycles());
  await store.prompts.insertOne({
    _id: new ObjectId(),
    number: 1,
    kind: 'question',
    groupKey: 'permanence-milestones',
    text: 'What stops the 72-hour meeting agreeing a plan?',
    createdBy: { userId: COACH.id, name: COACH.name },
    status: 'active',
    createdAt: new Date(SETUP_AT),
    updatedAt: new Date(SETUP_AT),
  });
}

/** What an admin types to set a programme up: two aim groups and meetings from Thu 18 Feb 2027. */
export const SETUP_COMMANDS = [
  'setup programme "Northshire PACE"',
  'group add "Permanence milestones" aim "Reduce time from accommodation to permanence ' +
    'recommendation" target "95% within 26 weeks" by 2027-12-31',
  'group add "Legal processes"',
  'group permanence-milestones lead Lee Lead',
  'group legal-processes lead Lou Legal',
  'meeting set every 6 weeks from 18 Feb 2027 10:00',
];

/**
 * A programme as a digest test needs it, set up through the bot where the bot can do it: meetings
 * every six weeks from Thu 18 Feb 2027 10:00 (so the next is Thu 1 Apr), two aim groups with leads,
 * the champions' channel, then the data.
 */
export async function seedDigestProgramme(bot: TestBot, platform: 'slack' | 'teams' = 'slack'): Promise<void> {
  bot.setNow(SETUP_AT);
  await bot.say(ADMIN, 'whoami');
  for (const user of [LEAD, LEGAL_LEAD, COACH, MEMBER]) await bot.say(user, 'whoami');
  for (const command of SETUP_COMMANDS) await bot.say(ADMIN, command);
  await bot.say(ADMIN, 'coach add Cora');
  const championsChannel = { platform, conversationId: CHAMPIONS };
  await bot.db.collection('programmes').updateOne({ workspaceId: WORKSPACE }, { $set: { championsChannel } });
  await seedDigestData(bot.db, WORKSPACE);
}
