import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, firstCard, replyText } from '../helpers/test-bot.js';
import { counts, recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

// The README says `erase programme`; an admin then types `erase case C1042`, which was read as a
// milestone for C1042 ("I couldn't tell which milestone you mean…"), with no way forward.
describe('erasing a case, said the way erase programme is', () => {
  it('`erase case C1042` and `erase C1042` ask first, as `case C1042 erase` does, and erase nothing yet', async () => {
    await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
    // Each ask keeps its question (pending) until it is answered or expires; nothing else changes.
    const held = async () => {
      const { pending: _asked, ...rest } = await counts(bot());
      return rest;
    };
    const before = await held();
    const asked = firstCard(await bot().say(ADMIN, 'case C1042 erase'));
    for (const said of ['erase case C1042', 'erase C1042', 'Erase case c1042', 'erase c1042.']) {
      const card = firstCard(await bot().say(ADMIN, said));
      expect(card.title).toBe(asked.title);
      expect(card.buttons?.map((b) => b.id)).toEqual(asked.buttons?.map((b) => b.id));
    }
    expect(await held()).toEqual(before);
  });

  it('`erase` with no reference says how to erase a case and the programme', async () => {
    const said = replyText(await bot().say(ADMIN, 'erase'));
    expect(said).toMatch(/case C\d+ erase/);
    expect(said).toMatch(/erase programme/);
  });

  it('`erase` from someone who is not an admin says whom to ask, and how to take back their own date', async () => {
    const said = replyText(await bot().say(MEMBER, 'erase'));
    expect(said).toMatch(/Only an admin can erase a child's record\. Ask .+ if you need that role\./);
    expect(said).toMatch(/`undo`/);
    expect(said).not.toMatch(/case \S+ erase/);
  });

  it('`help privacy` lists erasing a case beside erasing the programme', async () => {
    const said = replyText(await bot().say(ADMIN, 'help privacy'));
    expect(said).toMatch(/`erase case <case>`/);
    expect(said).toMatch(/`erase programme`/);
  });
});
