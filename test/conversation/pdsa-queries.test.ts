import { beforeAll, describe, expect, it } from 'vitest';
import {
  cycleAnnotations,
  changesSince,
  cyclesOverdueForStudy,
  listOpenCyclesFor,
} from '../../src/programme/pdsa/queries.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, MEMBER } from '../helpers/test-bot.js';
import {
  DO_VALUES,
  planCycle,
  planValues,
  STUDY_VALUES,
  useProgrammeBot,
} from './pdsa-scenario.js';

const bot = useProgrammeBot({ now: '2026-11-02T10:00:00Z' });

const numbers: Record<string, number> = {};
const store = () => workspaceStore(bot().db, 'T-TEST');

beforeAll(async () => {
  numbers.early = await planCycle(
    bot(),
    MEMBER,
    planValues({ title: 'Early test', startOn: '2026-10-20' }),
  );
  await bot().act(
    MEMBER,
    'pdsa.do.save',
    { number: numbers.early },
    { ...DO_VALUES, carriedOutOn: '2026-10-28' },
  );
  bot().setNow('2026-11-10T10:00:00Z');
  numbers.studied = await planCycle(
    bot(),
    MEMBER,
    planValues({ title: 'Studied test', linkedMeasures: 'Panel to ADM decision' }),
  );
  await bot().act(
    MEMBER,
    'pdsa.do.save',
    { number: numbers.studied },
    { ...DO_VALUES, carriedOutOn: '2026-11-09' },
  );
  await bot().act(MEMBER, 'pdsa.study.save', { number: numbers.studied }, STUDY_VALUES);
  bot().setNow('2026-11-12T10:00:00Z');
  await bot().act(MEMBER, 'pdsa.act.save', { number: numbers.studied }, { decision: 'adapt' });
  numbers.legal = await planCycle(
    bot(),
    ADMIN,
    planValues({
      title: 'Legal test',
      groupKey: 'legal-processes',
      ownerId: ADMIN.id,
      startOn: '2026-11-15',
    }),
  );
});

describe('PDSA queries for the digest, App Home and charts', () => {
  it('lists the open cycles someone owns', async () => {
    expect((await listOpenCyclesFor(store(), MEMBER.id)).map((c) => c.title)).toEqual([
      'Early test',
    ]);
    expect((await listOpenCyclesFor(store(), ADMIN.id)).map((c) => c.title)).toEqual([
      'Legal test',
    ]);
  });

  it("reports what a group's cycles did since a date, in order", async () => {
    // As the digest reads them: every test of change once, then the rule per group.
    const cyclesChangedSince = async (read: ReturnType<typeof store>, groupKey: string, since: Date) =>
      changesSince(await read.pdsa.find({}).toArray(), groupKey, since);
    const changes = await cyclesChangedSince(
      store(),
      'permanence-milestones',
      new Date('2026-11-05T00:00:00Z'),
    );
    expect(changes.map((c) => [c.title, c.event, c.decision])).toEqual([
      ['Studied test', 'planned', undefined],
      ['Studied test', 'carried_out', undefined],
      ['Studied test', 'studied', undefined],
      ['Studied test', 'decided', 'adapt'],
    ]);
    const all = await cyclesChangedSince(
      store(),
      'permanence-milestones',
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(all.filter((c) => c.title === 'Early test').map((c) => c.event)).toEqual([
      'planned',
      'carried_out',
    ]);
    expect(
      await cyclesChangedSince(store(), 'legal-processes', new Date('2026-11-13T00:00:00Z')),
    ).toEqual([]);
  });

  it('finds cycles carried out but not studied after some days', async () => {
    const now = new Date('2026-11-12T10:00:00Z');
    // "Early test" was carried out on 28 Oct, 15 days before; "Studied test" is studied, so never overdue.
    expect((await cyclesOverdueForStudy(store(), now, 16)).map((c) => c.title)).toEqual([]);
    expect((await cyclesOverdueForStudy(store(), now, 15)).map((c) => c.title)).toEqual([
      'Early test',
    ]);
    expect((await cyclesOverdueForStudy(store(), now, 1)).map((c) => c.title)).toEqual([
      'Early test',
    ]);
    expect(await cyclesOverdueForStudy(store(), now, 10, 'legal-processes')).toEqual([]);
  });

  it('gives run-chart markers for a measure at each cycle start', async () => {
    expect(await cycleAnnotations(store(), 'accommodated-to-permanence-recommendation')).toEqual([
      { number: numbers.early, title: 'Early test', startedOn: '2026-10-28' },
      { number: numbers.legal, title: 'Legal test', startedOn: '2026-11-15' },
    ]);
    expect(await cycleAnnotations(store(), 'panel-to-adm-decision')).toEqual([
      { number: numbers.studied, title: 'Studied test', startedOn: '2026-11-09' },
    ]);
    expect(await cycleAnnotations(store(), 'no-such-measure')).toEqual([]);
  });
});
