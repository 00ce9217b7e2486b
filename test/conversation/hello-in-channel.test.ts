import { describe, expect, it } from 'vitest';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../src/conversation/channel-privacy.js';
import { MEMBER, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A phone check: a member who had recorded any date got `hello` in a channel held back whole
// ("That answer names children…"): the home listed their recent entries by reference.
const bot = useProgrammeBot();

describe('hello in a channel, from someone who has recorded dates', () => {
  it('answers with the home, counting the recent entries; a direct message names them', async () => {
    await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
    const inChannel = replyText(await bot().say(MEMBER, 'hello', { kind: 'channel' }));
    expect(inChannel).not.toBe(KEPT_FOR_DIRECT_MESSAGE);
    expect(inChannel).toMatch(/Your recent milestone entries[\s\S]*1 recent entry: say `hello` to me in a direct message to see them/);
    expect(inChannel).not.toMatch(/C1042/);
    expect(replyText(await bot().say(MEMBER, 'hello'))).toMatch(/C1042/);
  });
});
