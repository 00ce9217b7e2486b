import { ADMIN, LEAD, type TestBot, createTestBot } from '../helpers/test-bot.js';

/**
 * The case-list tests' programme: one aim group, Permanence, led by LEAD, whose aim is measured by
 * accommodation to permanence recommendation (so `overdue` has a threshold to judge against).
 */
export async function startPermanenceBot(programmeName: string): Promise<TestBot> {
  const bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, `setup programme "${programmeName}"`);
  await bot.say(LEAD, 'hello');
  await bot.say(ADMIN, 'group add "Permanence" aim "Recommend sooner" target "90% within 26 weeks" by 2027-12-31');
  await bot.say(ADMIN, `group permanence lead ${LEAD.name}`);
  await bot.db.collection('groups').updateOne(
    { key: 'permanence' },
    { $set: { aim: { statement: 'Recommend sooner', target: '90% within 26 weeks', targetDate: '2027-12-31', measureKey: 'accommodated-to-permanence-recommendation' } } },
  );
  return bot;
}
