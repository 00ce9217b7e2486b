import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { DIGEST_DUE, WORKSPACE, seedDigestProgramme } from '../jobs/digest-fixture.js';
import { renderPdf } from '../helpers/poppler.js';

/**
 * A group whose lead has gone: the digest told the channel "Case references are in the leads'
 * direct messages" and the pack "Leads have the details in their direct messages", when nobody
 * would get them (phone try-out). They now say the group has no lead, and how to name one.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  bot.setNow(DIGEST_DUE);
  await bot.db.collection('groups').updateOne({ workspaceId: WORKSPACE, key: 'permanence-milestones' }, { $set: { leads: [] } });
}, 60_000);
afterAll(() => bot.drop());

describe('a group with no lead', () => {
  it("is told so in the channel's digest, with how to name one, instead of pointing to leads who do not exist", async () => {
    const words = replyText(await bot.say(ADMIN, 'digest preview', { kind: 'channel' }));
    expect(words).toMatch(/This group has no lead, so nobody has the case references yet: an admin can name one with `group permanence-milestones lead <name>`\./);
    // The other group still has its lead.
    expect(words).toMatch(/Case references are in the leads’ direct messages\./);
  });

  it('is told so in the meeting pack, without a chat command', async () => {
    const pack = (await bot.say(ADMIN, 'meeting pack', { kind: 'channel' })).find((r) => r.kind === 'file');
    if (!pack || pack.kind !== 'file') throw new Error('no pack');
    const text = renderPdf(pack.data).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/This group has no lead, so nobody has the details yet\./);
    expect(text).not.toMatch(/group permanence-milestones lead/);
  });
});
