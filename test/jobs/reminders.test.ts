import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../jobs/reminders.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { WORKSPACE, seedDigestProgramme } from './digest-fixture.js';

let bot: TestBot;
let fake: FakeSlackApi;
let slack: Notifier;
const logger = createLogger('silent');

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, bot.db);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

/** One pass of the reminders job at `iso`, then the sender; returns how many reminders were queued. */
async function tick(iso: string): Promise<number> {
  const clock = () => new Date(iso);
  const queued = await runReminders({ db: bot.db, logger, clock });
  await runSendDeliveries({ db: bot.db, logger, clock, owner: 'test', notifiers: { slack } });
  return queued;
}
const dmTo = (user: string) => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${user.replace(/^U/, '')}`);
const said = (calls: { body: Record<string, unknown> }[]) => JSON.stringify(calls.map((c) => c.body.blocks));

describe('reminders', () => {
  it('wait for a working day and 09:00 local', async () => {
    expect(await tick('2027-03-20T10:00:00Z')).toBe(0); // Saturday
    expect(await tick('2027-03-22T08:59:00Z')).toBe(0); // Monday, 08:59 GMT
  });

  it("tell a test's owner it is waiting for Study, and a lead of a planned date that passed", async () => {
    expect(await tick('2027-03-22T09:00:00Z')).toBe(2);
    expect(said(dmTo(MEMBER.id))).toMatch(/A test of change is waiting for Study.*T-2\* Tracker of key dates: carried out 3 Mar 2027, 19 days ago.*pdsa T-2 study/);
    expect(said(dmTo(LEAD.id))).toMatch(/Planned dates that passed.*C4002\*: first LAC review planned for 15 Mar 2027/);
    expect(said(dmTo(MEMBER.id))).toMatch(/Snooze reminders for a week/);
  });

  it('come once a week however often the job runs', async () => {
    expect(await tick('2027-03-22T09:15:00Z')).toBe(0);
    expect(await tick('2027-03-24T11:00:00Z')).toBe(0);
    expect(dmTo(MEMBER.id)).toHaveLength(1);
  });

  it('are held while someone snoozes, and come when the snooze ends', async () => {
    bot.setNow('2027-03-22T10:00:00Z');
    expect(replyText(await bot.act(MEMBER, 'reminders.snooze', { days: 7 }))).toMatch(/Snoozed: no reminders until Mon 29 Mar 2027, 11:00/);
    expect(await tick('2027-03-29T08:00:00Z')).toBe(1); // Monday 09:00 BST: the lead only
    expect(dmTo(MEMBER.id)).toHaveLength(1);
    expect(await tick('2027-03-29T10:00:00Z')).toBe(1); // the snooze is over
    expect(dmTo(MEMBER.id)).toHaveLength(2);
  });

  it('are held while someone is away, and start again when they say they are back', async () => {
    bot.setNow('2027-03-30T10:00:00Z');
    expect(replyText(await bot.say(LEAD, 'away until 12 Apr'))).toMatch(/Away until Mon 12 Apr 2027, 00:00/);
    expect(replyText(await bot.say(LEAD, 'reminders'))).toMatch(/held until Mon 12 Apr 2027/);
    const before = dmTo(LEAD.id).length;
    expect(await tick('2027-04-05T08:00:00Z')).toBe(1); // the owner only
    expect(dmTo(LEAD.id)).toHaveLength(before);
    bot.setNow('2027-04-06T10:00:00Z');
    expect(replyText(await bot.say(LEAD, 'back'))).toMatch(/reminders are on again/);
    expect(await tick('2027-04-06T10:00:00Z')).toBe(1);
    expect(dmTo(LEAD.id)).toHaveLength(before + 1);
  });
});
