import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

// `people` listed a group's member by the group's name alone ("Kim Ode: Permanence") beside "Sam
// Lee: lead of Permanence", and left out group coaches (phone try-out).
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-PEOPLE', now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Newfield PACE"');
  await bot.say(ADMIN, 'group add "Permanence"');
  await bot.say(ADMIN, 'person add "Sam Lee" as lead of permanence');
  await bot.say(ADMIN, 'person add "Kim Ode" as member of permanence');
  await bot.say(ADMIN, 'person add "Morag Bell" as coach of permanence');
});
afterAll(() => bot?.drop());

describe('people', () => {
  it('says each person’s place in each group by its role', async () => {
    const card = firstCard(await bot.say(ADMIN, 'people'));
    const lines = card.sections![0]!.text!.split('\n');
    expect(lines).toContain('- Sam Lee: lead of Permanence');
    expect(lines).toContain('- Kim Ode: member of Permanence');
    expect(lines).toContain('- Morag Bell: coach of Permanence');
    expect(replyText([{ kind: 'card', card }])).not.toMatch(/Sam Lee: lead of Permanence, member of Permanence/);
  });
});
