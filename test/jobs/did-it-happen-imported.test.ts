import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ADMIN, LEAD, MEMBER, createTestBot, firstCard, type TestBot } from '../helpers/test-bot.js';
import { GROUP, NOTICES_WS, dmTo, record, setUpProgramme, shown, tick } from './notices-fixture.js';

// A planned date that came from a tracker import was not planned by the admin who ran the import:
// nobody is asked "did it happen?" about it, and the group's leads see it in their weekly reminder
// as a plan nobody has been asked about. A plan a worker recorded is still asked of them.
let bot: TestBot;
let fake: FakeSlackApi;
let slack: Notifier;

// Three children whose permanence panel is planned for Fri 18 Dec 2026 in the tracker; the question
// would come on Mon 21 Dec at 09:00.
const TRACKER = {
  name: 'tracker.csv',
  data: Buffer.from(
    'Case ref,Accommodated,Permanence recommendation,Permanence panel\n' +
      'C3001,01/09/2026,30/11/2026,18/12/2026\nC3002,01/09/2026,30/11/2026,\nC3003,01/09/2026,30/11/2026,18/12/2026\n',
    'utf8',
  ),
};

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-12-01T10:00:00Z');
  const preview = firstCard(await bot.send(ADMIN, [TRACKER]));
  const confirm = preview.buttons!.find((b) => b.id === 'confirm')!.action;
  await bot.act(ADMIN, confirm.verb, confirm.data ?? {});
  // C3002: a worker books the panel after the import. C3003: a worker records another date after
  // the import, which does not make the imported plan theirs.
  await record(bot, MEMBER, 'permanence panel for C3002 booked for 18 Dec');
  await record(bot, MEMBER, 'C3003 first LAC review 20 Sep 2026');
  await bot.db.collection('cases').updateMany({ workspaceId: NOTICES_WS }, { $set: { groupKey: GROUP } });
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, bot.db);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

describe('"did it happen?" for an imported plan', () => {
  it('is not asked of the admin who ran the import; a plan a worker recorded is asked of them', async () => {
    expect(await bot.db.collection('cases').countDocuments({ workspaceId: NOTICES_WS, 'milestones.permanence_panel.planned': '2026-12-18' })).toBe(3);
    await tick(bot, slack, '2026-12-21T09:00:00Z');
    expect(dmTo(fake, ADMIN)).toHaveLength(0);
    const toMember = shown(dmTo(fake, MEMBER));
    expect(toMember).toMatch(/C3002's permanence panel was planned for Fri 18 Dec — did it happen\?/);
    expect(toMember).not.toMatch(/C3001|C3003/);
  });

  it('the leads’ reminder lists the imported plans without saying anyone was asked', async () => {
    await tick(bot, slack, '2026-12-28T09:00:00Z');
    const toLead = shown(dmTo(fake, LEAD));
    expect(toLead).toMatch(/C3001.*permanence panel planned for 18 Dec 2026, no date since/);
    expect(toLead).toMatch(/C3003.*permanence panel planned for 18 Dec 2026, no date since/);
    expect(toLead).not.toMatch(/asked Alex Admin/);
    expect(toLead).toMatch(/C3002.*\(asked Mo Member on 21 Dec, no answer yet\)/);
  });
});
