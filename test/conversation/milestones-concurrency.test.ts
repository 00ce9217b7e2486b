import { describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, replyText, type TestUser } from '../helpers/test-bot.js';
import { milestonesOf, pendingOf, recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

const PEOPLE: TestUser[] = [MEMBER, LEAD, COACH, ADMIN];

/** Several people confirm dates for the same child at the same moment. */
async function allConfirm(...sentences: string[]) {
  const asked = [];
  for (const [i, said] of sentences.entries()) {
    asked.push({ user: PEOPLE[i]!, pending: pendingOf(await bot().say(PEOPLE[i]!, said)) });
  }
  return Promise.all(
    asked.map((a) => bot().act(a.user, 'milestone.confirm', { pending: a.pending })),
  );
}

describe('confirmations that race', () => {
  it('two first dates for a new case both land: the second insert becomes an update', async () => {
    const replies = await allConfirm('C7001 accommodated 3 Oct', 'C7001 LAC review 10 Oct');
    expect(replies.map(replyText).every((t) => t.startsWith('Saved'))).toBe(true);
    expect(await milestonesOf(bot(), 'C7001')).toEqual({
      accommodated: { actual: '2026-10-03' },
      first_lac_review: { actual: '2026-10-10' },
    });
    const found = await bot().db.collection('cases').findOne({ caseRef: 'C7001' });
    expect(found?.version).toBe(2);
    expect(await bot().db.collection('audit').countDocuments({ entityId: 'C7001' })).toBe(2);
  });

  it('dates for an existing case all land, none overwriting another', async () => {
    await recordAndConfirm(bot(), 'C7002 accommodated 3 Oct');
    const replies = await allConfirm(
      'C7002 legal advice 20 Oct',
      'C7002 LAC review 10 Oct',
      'C7002 72 hour planning meeting 6 Oct',
    );
    // A writer that lost the race twice says so rather than overwrite; the others are stored.
    const saved = replies.map(replyText).filter((t) => t.startsWith('Saved')).length;
    expect(saved).toBeGreaterThanOrEqual(2);
    const held = (await milestonesOf(bot(), 'C7002'))!;
    expect(Object.keys(held)).toHaveLength(1 + saved);
    const trail = await bot()
      .db.collection('audit')
      .find({ entityId: 'C7002' })
      .sort({ _id: 1 })
      .toArray();
    expect(trail.map((e) => e.after.version)).toEqual(
      Array.from({ length: 1 + saved }, (_, i) => i + 1),
    );
  });
});
