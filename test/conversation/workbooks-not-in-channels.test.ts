import { describe, expect, it } from 'vitest';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../src/conversation/channel-privacy.js';
import { ADMIN, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A try-out: `privacy report` typed in a channel uploaded a workbook whose register named children.
const bot = useProgrammeBot();

describe('a workbook asked for in a channel', () => {
  it('is kept for a direct message, whichever command builds it', async () => {
    await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
    for (const command of ['privacy report', 'export', 'case C1042 export']) {
      const replies = await bot().say(ADMIN, command, { kind: 'channel' });
      expect(replies.some((r) => r.kind === 'file'), command).toBe(false);
      expect(replyText(replies), command).toMatch(/direct message/);
    }
    const inDirect = await bot().say(ADMIN, 'privacy report');
    expect(inDirect.some((r) => r.kind === 'file')).toBe(true);
    expect(replyText(await bot().say(ADMIN, 'privacy report', { kind: 'channel' }))).toBe(KEPT_FOR_DIRECT_MESSAGE);
  });
});
