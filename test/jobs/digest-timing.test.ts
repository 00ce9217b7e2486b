import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { createLogger } from '../../src/log.js';
import { ADMIN, createTestBot, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';

// The clock is driven: each run of the planner is given the instant it runs at.

const SPRING = 'T-SPRING';
const AUTUMN = 'T-AUTUMN';
let bot: TestBot;

async function programme(workspaceId: string, setUpAt: string, cadence: string): Promise<void> {
  bot.setNow(setUpAt);
  await bot.say(ADMIN, 'setup programme "Northshire PACE"', { workspaceId });
  await bot.say(ADMIN, cadence, { workspaceId });
  await bot.db.collection('programmes').updateOne({ workspaceId }, { $set: { championsChannel: { platform: 'slack', conversationId: 'C1' } } });
}

const planAt = (iso: string) => runPlanDigests({ db: bot.db, logger: createLogger('silent'), owner: 'test', clock: () => new Date(iso) });
const digestOf = (workspaceId: string) => bot.db.collection('digests').findOne({ workspaceId });

beforeAll(async () => {
  bot = await createTestBot();
  // Meetings Thu 18 Feb and Thu 1 Apr 2027, 10:00; the clocks go forward on Sun 28 Mar 2027.
  await programme(SPRING, '2027-03-20T12:00:00Z', 'meeting set every 6 weeks from 18 Feb 2027 10:00');
  // Meetings Thu 17 Sep and Thu 29 Oct 2026, 10:00; the clocks go back on Sun 25 Oct 2026.
  await programme(AUTUMN, '2026-10-01T12:00:00Z', 'meeting set every 6 weeks from 17 Sep 2026 10:00');
});
afterAll(async () => {
  await bot.drop();
});

describe('when the digest goes out', () => {
  it('is not due three days before the meeting, nor a second before 09:00 local two working days before', async () => {
    expect(await planAt('2027-03-29T10:00:00Z')).toEqual({});
    expect(await planAt('2027-03-30T07:59:59Z')).toEqual({});
    expect(await digestOf(SPRING)).toBeNull();
  });

  it('goes out at 09:00 summer time (08:00 UTC) on Tue 30 Mar 2027 though planned in winter', async () => {
    const outcome = await planAt('2027-03-30T08:00:00Z');
    expect(outcome[SPRING]).toBe('planned');
    expect(await digestOf(SPRING)).toMatchObject({ meetingLocalDate: '2027-04-01', dueAt: new Date('2027-03-30T08:00:00Z'), meetingDate: new Date('2027-04-01T09:00:00Z') });
    const delivery = await bot.db.collection('deliveries').findOne({ workspaceId: SPRING, part: 'channel' });
    expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: new Date('2027-03-30T08:00:00Z'), recipient: { platform: 'slack', kind: 'channel', id: 'C1' } });
  });

  it('is planned once however often the planner runs after that', async () => {
    expect((await planAt('2027-03-30T08:05:00Z'))[SPRING]).toBe('exists');
    expect(await bot.db.collection('digests').countDocuments({ workspaceId: SPRING })).toBe(1);
    expect(await bot.db.collection('deliveries').countDocuments({ workspaceId: SPRING })).toBe(1);
  });

  it('goes out at 09:00 winter time (09:00 UTC) on Tue 27 Oct 2026 though planned in summer', async () => {
    expect((await planAt('2026-10-27T08:00:00Z'))[AUTUMN]).toBeUndefined();
    expect((await planAt('2026-10-27T08:59:59Z'))[AUTUMN]).toBeUndefined();
    expect((await planAt('2026-10-27T09:00:00Z'))[AUTUMN]).toBe('planned');
    expect(await digestOf(AUTUMN)).toMatchObject({ meetingLocalDate: '2026-10-29', dueAt: new Date('2026-10-27T09:00:00Z') });
  });

  it('is not sent late once the meeting has started', async () => {
    await bot.db.collection('digests').deleteMany({ workspaceId: AUTUMN });
    expect((await planAt('2026-10-29T10:00:00Z'))[AUTUMN]).toBeUndefined();
    expect(await digestOf(AUTUMN)).toBeNull();
  });
});

describe('moving the meeting moves the digest', () => {
  const MOVED = 'T-MOVED';
  beforeAll(async () => {
    await programme(MOVED, '2027-03-20T12:00:00Z', 'meeting set every 6 weeks from 18 Feb 2027 10:00');
    await bot.say(MEMBER, 'hello', { workspaceId: MOVED });
    expect(replyText(await bot.say(ADMIN, 'move the 1 Apr meeting to 6 Apr', { workspaceId: MOVED }))).toMatch(/now on Tue 6 Apr 2027/);
  });

  it('tells members the new digest time', async () => {
    expect(replyText(await bot.say(MEMBER, 'meeting next', { workspaceId: MOVED }))).toMatch(/Digest: Fri 2 Apr 2027, 09:00/);
  });

  it('plans nothing at the old time and the digest at the new one', async () => {
    expect((await planAt('2027-03-30T08:00:00Z'))[MOVED]).toBeUndefined();
    expect((await planAt('2027-04-02T07:59:00Z'))[MOVED]).toBeUndefined();
    expect((await planAt('2027-04-02T08:00:00Z'))[MOVED]).toBe('planned');
    expect(await digestOf(MOVED)).toMatchObject({ occurrence: '2027-04-01', meetingLocalDate: '2027-04-06', dueAt: new Date('2027-04-02T08:00:00Z') });
  });
});
