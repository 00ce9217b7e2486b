import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { createLogger } from '../../src/log.js';
import { LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { NOTICES_WS, record, setUpProgramme } from '../jobs/notices-fixture.js';

// A lead asks `alerts` on a Sunday: three children are past the group's 26 weeks (as `overdue`
// lists them), but the drift job only alerts on working mornings. The answer must not read as if
// there were nothing: it says how many children are past the time and when their alerts go out.

let bot: TestBot;
const logger = createLogger('silent');
const SUNDAY = '2026-12-06T11:00:00Z';

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-10-01T10:00:00Z');
  await record(bot, MEMBER, 'C1090 accommodated 4 May 2026');
  await record(bot, MEMBER, 'C1091 accommodated 27 Apr 2026');
  await record(bot, MEMBER, 'C1093 accommodated 25 May 2026');
  await record(bot, MEMBER, 'C1092 accommodated 1 Sep 2026');
  bot.setNow(SUNDAY);
  // The job runs every quarter hour, but on a Sunday it alerts no one.
  expect(await runDriftAlerts({ db: bot.db, logger, clock: () => new Date(SUNDAY) })).toBe(0);
}, 60_000);
afterAll(async () => {
  await bot.drop();
});

const say = async (words: string, kind: 'direct' | 'channel' = 'direct') => replyText(await bot.say(LEAD, words, { kind }));

describe('`alerts` before the working morning that alerts the children past the time', () => {
  it('`overdue` lists the three children', async () => {
    expect(await say('overdue')).toMatch(/: 3 past 26 weeks/);
  });

  it('names them in a direct message and says their alerts go out on Monday morning', async () => {
    const said = await say('alerts');
    expect(said).not.toMatch(/No open alerts for you to act on/);
    expect(said).toMatch(/3 children are past their group’s time/);
    expect(said).toMatch(/Mon 7 Dec 2026 at 09:00/);
    expect(said).toMatch(/C1091[\s\S]*C1090[\s\S]*C1093/);
    expect(said).not.toMatch(/C1092/);
  });

  it('counts them only in a channel, a count under 5 as "fewer than 5" (a try-out saw "3")', async () => {
    const said = await say('alerts', 'channel');
    expect(said).toMatch(/fewer than 5 children are past their group’s time/);
    expect(said).toMatch(/Mon 7 Dec 2026 at 09:00/);
    expect(said).not.toMatch(/C109\d/);
  });

  it('says nothing of them once their alerts are out on Monday: they are listed as open alerts', async () => {
    const MONDAY = '2026-12-07T09:30:00Z';
    await runDriftAlerts({ db: bot.db, logger, clock: () => new Date(MONDAY) });
    bot.setNow(MONDAY);
    const said = await say('alerts');
    expect(said).toMatch(/Open alerts you can act on\* \(3 children\)/);
    expect(said).not.toMatch(/past their group’s time/);
  });

  it('tells a member who leads no group nothing of them', async () => {
    bot.setNow(SUNDAY);
    expect(replyText(await bot.say(MEMBER, 'alerts'))).not.toMatch(/past their group’s time/);
  });
});
