import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCoachPrompts } from '../../jobs/coach-prompts.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { handleTurn } from '../../src/conversation/handle-turn.js';
import type { Turn } from '../../src/conversation/turn.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ADMIN, COACH, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

const WS = 'T1';
const LEGAL = 'C-LEGAL';
let bot: TestBot;
let fake: FakeSlackApi;
let slack: Notifier;
const logger = createLogger('silent');

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WS, now: '2026-11-20T12:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Northshire PACE"');
  for (const user of [COACH, MEMBER]) await bot.say(user, 'whoami');
  await bot.say(ADMIN, 'coach add Cora');
  await bot.say(ADMIN, 'group add "Legal processes"');
  await bot.db.collection('groups').updateOne({ key: 'legal-processes' }, { $set: { channel: { platform: 'slack', conversationId: LEGAL } } });
  fake = await FakeSlackApi.start();
  slack = fakeSlackNotifier(fake, bot.db);
});
afterAll(async () => {
  await fake.close();
  await bot.drop();
});

/** One scheduler pass at `iso`: queue what is due, then send it. Returns how many prompts were queued. */
async function tick(iso: string): Promise<number> {
  const clock = () => new Date(iso);
  const queued = await runCoachPrompts({ db: bot.db, logger, clock });
  await runSendDeliveries({ db: bot.db, logger, clock, owner: 'test', notifiers: { slack } });
  return queued;
}
const postedTexts = () => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === LEGAL).map((c) => c.body.text as string);

describe('prompts relative to sub-group meetings', () => {
  it('need the group to have sub-group meeting dates', async () => {
    expect(replyText(await bot.say(COACH, 'prompt legal-processes 2 days before each meeting at 09:00: What did your last PDSA teach you?'))).toMatch(
      /no sub-group meeting dates yet: `meeting set legal-processes every 3 weeks from/,
    );
  });

  it('are scheduled once the group meets every three weeks', async () => {
    expect(replyText(await bot.say(ADMIN, 'meeting set legal-processes every 3 weeks from 2 Dec 2026 14:00'))).toMatch(
      /Legal processes meets every 3 weeks from Wed 2 Dec 2026 at 14:00\. Next: Wed 2 Dec 2026, 14:00; Wed 23 Dec 2026, 14:00/,
    );
    const reply = replyText(await bot.say(COACH, 'prompt legal-processes 2 days before each meeting at 09:00: What did your last PDSA teach you?'));
    expect(reply).toMatch(/Prompt P-1 for Legal processes, 2 days before each sub-group meeting at 09:00\. First: Mon 30 Nov 2026, 09:00/);
  });

  it('go out at their time, once, however often the job runs', async () => {
    expect(await tick('2026-11-30T08:59:00Z')).toBe(0);
    expect(await tick('2026-11-30T09:00:00Z')).toBe(1);
    expect(await tick('2026-11-30T09:05:00Z')).toBe(0);
    expect(postedTexts()).toEqual(['Cora Coach asks Legal processes']);
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]!.body.blocks)).toMatch(/What did your last PDSA teach you\?.*Reply in this thread/);
  });

  it('come again before the next meeting', async () => {
    expect(await tick('2026-12-21T09:00:00Z')).toBe(1);
    expect(postedTexts()).toHaveLength(2);
  });
});

describe('prompts once and every n weeks', () => {
  it('go out once at the given time, then are done', async () => {
    expect(replyText(await bot.say(COACH, 'prompt legal-processes on 4 Jan 2027 13:30: Bring one run chart to Thursday'))).toMatch(/P-2 .*on Mon 4 Jan 2027, 13:30/);
    expect(await tick('2027-01-04T13:29:00Z')).toBe(0);
    expect(await tick('2027-01-04T13:30:00Z')).toBe(1);
    expect(await bot.db.collection('prompts').findOne({ number: 2 })).toMatchObject({ status: 'done' });
  });

  it('recur from their first date', async () => {
    expect(replyText(await bot.say(COACH, 'prompt legal-processes every 2 weeks from 11 Jan 2027 09:00: What is one thing you learned?'))).toMatch(/P-3 .*every 2 weeks from Mon 11 Jan 2027 at 09:00/);
    expect(replyText(await bot.say(MEMBER, 'prompts'))).toMatch(/P-3\* to Legal processes, every 2 weeks .* — next Mon 11 Jan 2027, 09:00/);
    for (const iso of ['2027-01-11T09:00:00Z', '2027-01-18T09:00:00Z', '2027-01-25T09:00:00Z']) await tick(iso);
    const p3 = await bot.db.collection('prompts').findOne({ number: 3 });
    const sent = await bot.db.collection('deliveries').find({ sourceId: p3!._id.toHexString() }).toArray();
    expect(sent.map((d) => [d.occurrence, d.status])).toEqual([['2027-01-11T09:00:00.000Z', 'sent'], ['2027-01-25T09:00:00.000Z', 'sent']]);
  });

  it('stop when cancelled', async () => {
    expect(replyText(await bot.say(MEMBER, 'prompt cancel P-3'))).toMatch(/Only a coach can cancel prompts/);
    expect(replyText(await bot.say(COACH, 'prompt cancel P-3'))).toMatch(/P-3 cancelled/);
    expect(await tick('2027-02-08T09:00:00Z')).toBe(0);
  });
});

describe("replies in a prompt's thread", () => {
  const threadReply = (text: string, eventId: string, threadId: string): Turn => ({
    platform: 'slack',
    workspaceId: WS,
    user: MEMBER,
    conversation: { id: LEGAL, kind: 'thread', threadId },
    text,
    eventId,
    receivedAt: new Date('2027-01-05T10:00:00Z'),
  });
  let promptTs: string;

  beforeAll(async () => {
    const delivery = await bot.db.collection('deliveries').findOne({ kind: 'prompt', occurrence: '2027-01-04T13:30:00.000Z' });
    promptTs = delivery!.messageIds[0];
  });

  it('are kept for the coach, once per event', async () => {
    const turn = threadReply('We will bring the accommodation chart', 'Ev1', promptTs);
    expect(replyText(await handleTurn(turn, bot.deps))).toMatch(/Thanks — your reply is kept for Cora Coach \(R-1\)/);
    expect(replyText(await handleTurn(turn, bot.deps))).toMatch(/\(R-1\)/);
    expect(await bot.db.collection('prompt_responses').countDocuments({})).toBe(1);
  });

  it("are not taken from other threads", async () => {
    await handleTurn(threadReply('meeting next', 'Ev2', '1700000000.999999'), bot.deps);
    expect(await bot.db.collection('prompt_responses').countDocuments({})).toBe(1);
  });

  it('are shown to the coach, not to members', async () => {
    expect(replyText(await bot.say(MEMBER, 'prompt responses'))).toMatch(/Only a coach or a lead can read replies/);
    expect(replyText(await bot.say(COACH, 'prompt responses P-2'))).toMatch(/R-1\* Mo Member, 5 Jan 10:00 \(P-2, legal-processes\): We will bring the accommodation chart/);
  });

  it('can be added to a test of change as a note in the writer\'s name', async () => {
    const now = new Date('2027-01-05T11:00:00Z');
    await bot.db.collection('pdsa_cycles').insertOne({
      workspaceId: WS, number: 1, title: 'Legal advice early', changeIdea: 'Legal advice before recommendation', groupKey: 'legal-processes',
      ownerId: MEMBER.id, ownerName: MEMBER.name, stage: 'plan', plan: { objective: 'Earlier advice', prediction: 'Advice within 2 weeks' },
      rampPosition: 1, linkedMeasures: [], notes: [], stageDates: {}, version: 0, createdAt: now, updatedAt: now,
    });
    expect(replyText(await bot.say(COACH, 'prompt attach R-1 to T-1'))).toMatch(/Mo Member's reply R-1 is now a note on \*T-1\*/);
    const cycle = await bot.db.collection('pdsa_cycles').findOne({ number: 1 });
    expect(cycle!.notes).toEqual([expect.objectContaining({ by: MEMBER.id, byName: MEMBER.name, text: 'Reply to prompt P-2: We will bring the accommodation chart' })]);
    expect(replyText(await bot.say(COACH, 'prompt responses'))).toMatch(/_\(on T-1\)_/);
  });
});
