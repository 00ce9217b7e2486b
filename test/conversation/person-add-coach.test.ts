import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';

let bot: TestBot;
const WS = 'T-TEST';
const ROS = { id: 'local-ros-baird', name: 'Ros Baird' };

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "People PACE"');
  await bot.say(ADMIN, 'group add "Legal"');
});
afterAll(() => bot?.drop());

describe('adding someone as the coach of a group', () => {
  it('makes them a coach they can act as: prompts for the group are theirs to schedule', async () => {
    const said = replyText(await bot.say(ADMIN, 'person add "Ros Baird" as coach of legal'));
    expect(said).toMatch(/Ros Baird is now a coach of \*Legal\*/);
    expect(said).toMatch(/schedule prompts/);
    const ros = await bot.db.collection('members').findOne({ workspaceId: WS, userId: ROS.id });
    expect(ros!.roles).toContain('coach');
    const grants = await bot.db.collection('audit').find({ workspaceId: WS, entityId: ROS.id, action: 'grant_coach' }).toArray();
    expect(grants).toHaveLength(1);
    expect(replyText(await bot.say(ROS, 'whoami'))).toMatch(/coach/);
    const prompt = replyText(await bot.say(ROS, 'prompt legal 2 days before each meeting at 09:00: What did you learn?'));
    expect(prompt).not.toMatch(/Only a coach/);
  });

  it('`group <g> coach` does the same, and a second time grants nothing twice', async () => {
    await bot.say(ADMIN, 'person add "Kit Moss"');
    expect(replyText(await bot.say(ADMIN, 'group legal coach "Kit Moss"'))).toMatch(/Kit Moss is now a coach of \*Legal\*/);
    const kit = await bot.db.collection('members').findOne({ workspaceId: WS, userId: 'local-kit-moss' });
    expect(kit!.roles).toEqual(['coach']);
    await bot.say(ADMIN, 'group add "Health"');
    await bot.say(ADMIN, 'group health coach "Kit Moss"');
    expect(await bot.db.collection('audit').countDocuments({ workspaceId: WS, entityId: 'local-kit-moss', action: 'grant_coach' })).toBe(1);
  });

  it("`coach remove` takes the role and every group's coach list away, audited once, nothing left waiting", async () => {
    expect(replyText(await bot.say(ADMIN, 'coach remove "Kit Moss"'))).toMatch(/Kit Moss is no longer a coach/);
    const kit = await bot.db.collection('members').findOne({ workspaceId: WS, userId: 'local-kit-moss' });
    expect(kit!.roles).toEqual([]);
    expect(kit!.pendingAudit).toBeUndefined();
    const coaching = await bot.db.collection('groups').countDocuments({ workspaceId: WS, coaches: 'local-kit-moss' });
    expect(coaching).toBe(0);
    expect(await bot.db.collection('audit').countDocuments({ workspaceId: WS, entityId: 'local-kit-moss', action: 'remove_coach' })).toBe(1);
  });
});

