import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../src/conversation/channel-privacy.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createTestBot, replyText, type TestBot, type TestUser } from '../helpers/test-bot.js';

// The demo holds C1042, the default example: refusals and "didn't catch that" named it, and in a
// channel the outgoing check held them back ("That answer names children…").
const NOW = '2026-12-06T10:00:00Z';
const WS = 'web-local';
const MEMBER: TestUser = { id: 'demo-member', name: 'Jamie Munro' };

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot({ now: NOW, workspaceId: WS });
  await loadDemo(bot.db, WS, { now: new Date(NOW) });
}, 60000);
afterEach(async () => {
  await bot.drop();
});

describe('hints outside help, in a channel of an area that holds C1042', () => {
  it('an identifier refusal is answered there with an example that is no child’s', async () => {
    const said = replyText(await bot.say(MEMBER, 'We rang the foster carer on 07700 900123', { kind: 'channel' }));
    expect(said).not.toContain(KEPT_FOR_DIRECT_MESSAGE);
    expect(said).toMatch(/looks like a phone number.*\(e\.g\. C\d+\)/);
    expect(said).not.toMatch(/C1042/);
  });

  it('“didn’t catch that” is answered there with an example that is no child’s', async () => {
    const said = replyText(await bot.say(MEMBER, 'blah blah', { kind: 'channel' }));
    expect(said).toMatch(/didn't catch that.*e\.g\. \*C\d+ accommodated 3 Oct\*/);
    expect(said).not.toMatch(/C1042/);
  });
});
