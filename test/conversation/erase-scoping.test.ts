import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

// The second case of each rule: erasure is scoped to its workspace whatever the write, and export
// and erase refuse every role but admin.

let bot: TestBot;
const OTHER = 'T-OTHER';
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  // The other workspace's case first, so that an unscoped delete would find it first.
  for (const workspaceId of [OTHER, 'T-TEST']) {
    await bot.say(ADMIN, 'setup programme "Scoped PACE"', { workspaceId });
    const asked = firstCard(await bot.say(ADMIN, 'C1042 accommodated 3 Oct', { workspaceId }));
    const confirm = asked.buttons!.find((b) => b.id === 'confirm')!;
    await bot.act(ADMIN, confirm.action.verb, confirm.action.data ?? {}, {}, { workspaceId });
    // An open question about the case too: erasure deletes questions, in its own workspace only.
    await bot.say(ADMIN, 'C1042 first LAC review 10 Oct', { workspaceId });
  }
});
afterAll(() => bot?.drop());

describe('erasure and export are scoped and for admins only', () => {
  it('refuses members, leads and coaches both, changing nothing', async () => {
    await bot.say(LEAD, 'help');
    await bot.say(COACH, 'help');
    for (const user of [MEMBER, LEAD, COACH]) {
      expect(replyText(await bot.say(user, 'case C1042 export'))).toMatch(/Only an admin can export a case/);
      expect(replyText(await bot.say(user, 'case C1042 erase'))).toMatch(/Only an admin can erase a case/);
      expect(replyText(await bot.say(user, 'export'))).toMatch(/Only an admin can export the programme/);
    }
    expect(await bot.db.collection('cases').countDocuments({ caseRef: 'C1042' })).toBe(2);
  });

  it("erasing C1042 in one workspace leaves the other workspace's C1042, its history and its questions", async () => {
    const before = {
      audit: await bot.db.collection('audit').countDocuments({ workspaceId: OTHER }),
      pending: await bot.db.collection('pending_actions').countDocuments({ workspaceId: OTHER }),
    };
    const asked = firstCard(await bot.say(ADMIN, 'case C1042 erase'));
    const erase = asked.buttons!.find((b) => b.id === 'erase')!;
    expect(replyText(await bot.act(ADMIN, erase.action.verb, erase.action.data ?? {}))).toMatch(/Erased/);
    expect(await bot.db.collection('cases').findOne({ workspaceId: 'T-TEST', caseRef: 'C1042' })).toBeNull();
    expect(await bot.db.collection('cases').findOne({ workspaceId: OTHER, caseRef: 'C1042' })).not.toBeNull();
    expect(await bot.db.collection('audit').countDocuments({ workspaceId: OTHER })).toBe(before.audit);
    expect(await bot.db.collection('audit').countDocuments({ workspaceId: OTHER, entityId: 'C1042' })).toBeGreaterThan(0);
    expect(await bot.db.collection('pending_actions').countDocuments({ workspaceId: OTHER })).toBe(before.pending);
    expect(await bot.db.collection('pending_actions').countDocuments({ workspaceId: 'T-TEST', 'payload.records.caseRef': 'C1042' })).toBe(0);
  });
});
