import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../jobs/retention.js';
import { retentionDue } from '../../src/domain/retention.js';
import { createLogger } from '../../src/log.js';
import { ADMIN, COACH, MEMBER, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';
import { milestonesOf, recordAndConfirm } from './milestones-helpers.js';

const logger = createLogger('silent');
let bot: TestBot;
const run = (iso: string) => runRetention({ db: bot.db, logger, clock: () => new Date(iso) });

beforeAll(async () => {
  bot = await createTestBot({ now: '2024-06-01T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Keep PACE"');
  await recordAndConfirm(bot, 'C7001 accommodated 20 May 2024');
  await recordAndConfirm(bot, 'C7002 accommodated 22 May 2024');
  bot.setNow('2025-01-15T10:00:00Z');
  await recordAndConfirm(bot, 'C7003 order granted 10 Jan 2025');
});
afterAll(() => bot?.drop());

describe('the retention rule', () => {
  it('due dates: months after the order, else months after the last activity; an extension only moves it later', () => {
    const milestones = { accommodated: { actual: '2024-05-20' } };
    expect(retentionDue({ milestones, lastActivity: '2024-06-01' })).toBe('2026-06-01');
    expect(retentionDue({ milestones: { order_granted: { actual: '2025-01-10' } }, lastActivity: '2025-01-15' })).toBe('2026-01-10');
    expect(retentionDue({ milestones, lastActivity: '2024-06-01', keepUntil: '2027-01-01' })).toBe('2027-01-01');
    expect(retentionDue({ milestones, lastActivity: '2024-06-01', keepUntil: '2025-01-01' })).toBe('2026-06-01');
    expect(retentionDue({ milestones: { permanence_panel: { planned: '2026-12-01' } }, lastActivity: '2024-06-01' }, { monthsAfterOrder: 12, monthsInactive: 6 })).toBe('2027-06-01');
  });

  it('is shown to admins and set by them only, audited', async () => {
    expect(replyText(await bot.say(MEMBER, 'retention'))).toMatch(/Only an admin/);
    expect(replyText(await bot.say(COACH, 'retention order 6 inactive 6'))).toMatch(/Only an admin/);
    expect(replyText(await bot.say(ADMIN, 'retention order 0 inactive 24'))).toMatch(/from 1 to 120/);
    const shown = replyText(await bot.say(ADMIN, 'retention'));
    expect(shown).toMatch(/12 months after the order is granted, or 24 months/);
    expect(shown).toMatch(/C7003: 10 Jan 2026[\s\S]*C7001: 1 Jun 2026/);
  });

  it('erases what is due, once, as the retention rule; tells admins 30 days ahead; keeps what an admin extends', async () => {
    // 12 Dec 2025: C7003 (order, due 10 Jan 2026) is within 30 days: the admins are told, once.
    expect(await run('2025-12-12T10:00:00Z')).toEqual({ erased: 0, noticed: 1 });
    expect(await run('2025-12-12T11:00:00Z')).toEqual({ erased: 0, noticed: 0 });
    const notices = await bot.db.collection('deliveries').find({ kind: 'reminder', sourceId: `retention:${ADMIN.id}` }).toArray();
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]!.replies)).toMatch(/C7003: 10 Jan 2026/);

    bot.setNow('2025-12-20T10:00:00Z');
    expect(replyText(await bot.say(MEMBER, 'case C7001 keep until 30 Jun 2027 because awaiting court'))).toMatch(/Only an admin/);
    expect(replyText(await bot.say(ADMIN, 'case C7001 keep until 30 Jun 2027'))).toMatch(/keep until 30 Jun 2027 because/);
    expect(replyText(await bot.say(ADMIN, 'case C7001 keep until 30 Jun 2027 because awaiting the court date'))).toMatch(
      /C7001 will be kept until 30 Jun 2027 \(the retention rule said 1 Jun 2026\)/,
    );
    const extended = await bot.db.collection('audit').findOne({ action: 'retention_extend' });
    expect(extended).toMatchObject({ entityId: 'C7001', actor: { userId: ADMIN.id }, after: { keepUntil: '2027-06-30', reason: 'awaiting the court date' } });

    // 2 Jun 2026: C7003 and C7002 are past due and go; C7001 is kept.
    expect(await run('2026-06-02T10:00:00Z')).toMatchObject({ erased: 2 });
    expect(await run('2026-06-02T11:00:00Z')).toMatchObject({ erased: 0 });
    expect(await milestonesOf(bot, 'C7003')).toBeNull();
    expect(await milestonesOf(bot, 'C7002')).toBeNull();
    expect(await milestonesOf(bot, 'C7001')).not.toBeNull();
    const erasures = await bot.db.collection('audit').find({ action: 'erase' }).toArray();
    expect(erasures).toHaveLength(2);
    expect(erasures.every((e) => e.actor.userId === 'retention-rule' && e.entityId === '[erased]')).toBe(true);
  });
});
