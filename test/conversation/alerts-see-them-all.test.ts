import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { createLogger } from '../../src/log.js';
import { SEE_THEM_ALL } from '../../src/programme/alerts/drift-list.js';
import { LIST_LINES } from '../../src/programme/alerts/drift-lines.js';
import { LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { mondayAfter } from '../jobs/drift-fixture.js';
import { NOTICES_WS, record, setUpProgramme } from '../jobs/notices-fixture.js';

// The first morning's list names 15 children and says "…and 3 more — say `alerts` to see them all,
// 15 to a message". `alerts` keeps that promise: every child, in messages of at most 15.

/** The children a message names, in order (the rules' lines name groups). */
const named = (message: string) => message.split('\n').flatMap((line) => /^- \*(C\d{4})\*/.exec(line)?.[1] ?? []);

describe('`alerts` after a first morning of 18', () => {
  let bot: TestBot;
  const PAST = Array.from({ length: 18 }, (_, i) => `C${7001 + i}`);

  beforeAll(async () => {
    bot = await createTestBot({ workspaceId: NOTICES_WS });
    await setUpProgramme(bot, '2026-10-01T10:00:00Z');
    for (const [i, ref] of PAST.entries()) await record(bot, MEMBER, `${ref} accommodated ${mondayAfter(i)}`);
    await runDriftAlerts({ db: bot.db, logger: createLogger('silent'), clock: () => new Date('2026-11-03T09:00:00Z') });
    bot.setNow('2026-11-03T10:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await bot.drop();
  });

  it('the morning’s list counts the children past the 15th and says where they are', async () => {
    const [list] = await bot.db.collection('deliveries').find({ workspaceId: NOTICES_WS, sourceId: /^drift-list:/ }).toArray();
    const said = (list!.replies as { text: string }[])[0]!.text;
    expect(named(said)).toEqual(PAST.slice(0, LIST_LINES));
    expect(said).toContain(`…and 3 more — ${SEE_THEM_ALL}.`);
  });

  it('names every child in a direct message, at most 15 to a message, longest wait first', async () => {
    const replies = await bot.say(LEAD, 'alerts', { kind: 'direct' });
    const messages = replies.map((r) => replyText([r]));
    expect(messages).toHaveLength(2);
    expect(messages[0]!.split('\n')[0]).toBe('*Open alerts you can act on* (1–15 of 18 children)');
    expect(messages[1]!.split('\n')[0]).toBe('*Open alerts you can act on* (16–18 of 18 children)');
    expect(named(messages[0]!)).toEqual(PAST.slice(0, 15));
    expect(named(messages[1]!)).toEqual(PAST.slice(15));
    // How to act on one, and the rules, close the last message.
    expect(messages[1]).toMatch(/To act on one, say `snooze C7001 4 weeks[\s\S]*\*When I alert a lead\*/);
  });

  it('still counts only in a channel', async () => {
    const said = replyText(await bot.say(LEAD, 'alerts', { kind: 'channel' }));
    expect(said).toMatch(/^18 children with open alerts you can act on\./);
    expect(said).not.toMatch(/C70\d\d/);
  });
});
