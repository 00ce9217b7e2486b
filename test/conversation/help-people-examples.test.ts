import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';

// `help people` in a new area showed `person add "Sam Lee" as member of permanence-milestones` and
// `join permanence-milestones`, the demo's group, which typed as shown were refused (phone try-out).
// The examples name a group the area has, or none.
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-HELP-PEOPLE', now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Newfield PACE"');
});
afterAll(() => bot?.drop());

describe('help people: the person add example can be typed as shown', () => {
  it('with no group yet: a role that needs none', async () => {
    const said = replyText(await bot.say(ADMIN, 'help people'));
    expect(said).toContain('e.g. `person add "Sam Lee" as coach`');
    // Joining or leaving needs a group: the pattern, not a group the area lacks.
    expect(said).toContain('- `join <group>` — Join an aim group.\n');
    expect(said).not.toContain('permanence-milestones');
  });

  it("with groups: the area's own", async () => {
    await bot.say(ADMIN, 'group add "Legal planning"');
    const said = replyText(await bot.say(ADMIN, 'help people'));
    expect(said).toContain('e.g. `person add "Sam Lee" as member of legal-planning`');
    expect(said).toContain('e.g. `join legal-planning`');
    expect(said).toContain('e.g. `leave legal-planning`');
    expect(replyText(await bot.say(ADMIN, 'person add "Sam Lee" as member of legal-planning'))).not.toMatch(/no aim group/);
  });
});
