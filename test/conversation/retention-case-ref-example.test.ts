import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../jobs/retention.js';
import { createLogger } from '../../src/log.js';
import { ADMIN, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

// An area whose references look like FB-2041: how to keep a record longer is said with that
// example, in `retention` and in the admins' notice before an erase, never with C1042.
const WORKSPACE = 'T-FB-KEEP';
let bot: TestBot;

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE, now: '2025-01-15T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Fernbank PACE" pattern FB-2041');
  await recordAndConfirm(bot, 'FB-7003 order granted 10 Jan 2025', ADMIN);
});
afterAll(() => bot?.drop());

describe('keeping a record longer, in an area with its own reference pattern', () => {
  it('`retention` says how with the child due soonest, in the area’s own references', async () => {
    const shown = replyText(await bot.say(ADMIN, 'retention'));
    // The example is one the admin may really want to keep: the first in the list below it.
    expect(shown).toMatch(/`case FB-7003 keep until 30 Jun 2027 because …`\)\.\nDue soonest:\n- FB-7003: /);
    expect(shown).not.toMatch(/C1042/);
  });

  it('the admins’ notice before an erase says it the same way', async () => {
    const run = await runRetention({ db: bot.db, logger: createLogger('silent'), clock: () => new Date('2025-12-12T10:00:00Z') });
    expect(run).toEqual({ erased: 0, noticed: 1 });
    const notices = await bot.db.collection('deliveries').find({ workspaceId: WORKSPACE, sourceId: `retention:${ADMIN.id}` }).toArray();
    const said = JSON.stringify(notices.map((n) => n.replies));
    expect(said).toMatch(/FB-7003: 10 Jan 2026/);
    expect(said).toMatch(/case FB-1042 keep until 2027-06-30 because awaiting the court date/);
    expect(said).not.toMatch(/C1042/);
  });
});
