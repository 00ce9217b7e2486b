import { describe, expect, it } from 'vitest';
import { COACH, LEAD, MEMBER, firstCard, replyText } from '../helpers/test-bot.js';
import type { TestBot } from '../helpers/test-bot.js';
import { milestonesOf, recordAndConfirm } from './milestones-helpers.js';
import { planCycle, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();
const press = async (b: TestBot, replies: Awaited<ReturnType<TestBot['say']>>, id: string) => {
  const button = firstCard(replies).buttons!.find((x) => x.id === id)!;
  return b.act(MEMBER, button.action.verb, button.action.data ?? {});
};

describe('undo, plain or for a named case, asks first on the same card', () => {
  it('`case <ref> undo` shows the confirmation card and changes nothing until Undo is pressed', async () => {
    bot().setNow('2026-11-19T10:00:00Z');
    await recordAndConfirm(bot(), 'C3001 accommodated 3 Oct');
    bot().setNow('2026-11-19T10:10:00Z');
    const asked = await bot().say(MEMBER, 'case C3001 undo');
    expect(firstCard(asked).title).toBe('Undo your last change to C3001?');
    expect(replyText(asked)).toMatch(/Accommodated Sat 3 Oct 2026/);
    expect(await milestonesOf(bot(), 'C3001')).toHaveProperty('accommodated');
    // The case card's "Undo last change" button asks the same question.
    const caseCard = await bot().say(MEMBER, 'case C3001');
    expect(firstCard(await press(bot(), caseCard, 'undo')).title).toBe('Undo your last change to C3001?');
    expect(replyText(await press(bot(), asked, 'undo'))).toMatch(/Undone your change on \*C3001\*/);
    expect(await milestonesOf(bot(), 'C3001')).toEqual({});
    // The same card pressed again undoes nothing more.
    expect(replyText(await press(bot(), asked, 'undo'))).toMatch(/already undone|changed since/);
    expect(await bot().db.collection('audit').countDocuments({ entityId: 'C3001', action: 'undo' })).toBe(1);
  });

  it('plain `undo` steps back through your changes of the last day, not just the newest case', async () => {
    bot().setNow('2026-11-19T11:00:00Z');
    await recordAndConfirm(bot(), 'C3042 accommodated 3 Oct');
    bot().setNow('2026-11-19T11:10:00Z');
    await recordAndConfirm(bot(), 'C3050 accommodated 4 Oct');
    const first = await bot().say(MEMBER, 'undo');
    expect(firstCard(first).title).toBe('Undo your last change to C3050?');
    await press(bot(), first, 'undo');
    const second = await bot().say(MEMBER, 'undo');
    expect(firstCard(second).title).toBe('Undo your last change to C3042?');
  });

  it('when your last change was a test of change, says so and how to change it', async () => {
    bot().setNow('2026-11-19T12:00:00Z');
    await recordAndConfirm(bot(), 'C3060 accommodated 3 Oct');
    bot().setNow('2026-11-19T12:05:00Z');
    const number = await planCycle(bot());
    const said = replyText(await bot().say(MEMBER, 'undo'));
    expect(said).toMatch(new RegExp(`Your last change was T-${number}`));
    expect(said).toMatch(new RegExp(`\`pdsa T-${number} edit\``));
    // The last change to a child's dates is still offered, on the same card.
    expect(said).toMatch(/Undo your last change to C3060\?/);
  });

  it('plain `undo` reaches back a day; a named case is asked about at any age', async () => {
    bot().setNow('2026-11-22T12:00:00Z');
    expect(replyText(await bot().say(MEMBER, 'undo'))).toMatch(/no change from the last day.*case C3060 undo/s);
    expect(firstCard(await bot().say(MEMBER, 'case C3060 undo')).title).toBe('Undo your last change to C3060?');
  });

  it('someone else’s change: refused before any card for a member, asked for a lead', async () => {
    await recordAndConfirm(bot(), 'C3070 accommodated 3 Oct', MEMBER);
    expect(replyText(await bot().say(COACH, 'case C3070 undo'))).toMatch(/Only they, a lead or an admin can undo it/);
    expect(firstCard(await bot().say(LEAD, 'case C3070 undo')).title).toBe("Undo Mo Member's last change to C3070?");
  });
});

describe('undo with nothing of yours to undo', () => {
  it('gives a placeholder, not a made-up reference that could be another child', async () => {
    const said = replyText(await bot().say(COACH, 'undo'));
    expect(said).toMatch(/You have no change to a child's dates to undo\. To undo the last change to one child, say `case <case> undo`\./);
    expect(said).not.toMatch(/C1042/);
  });
});

describe('undo after a team change', () => {
  it('when your last change was a child’s team, says undo does not take it back and how to put it back', async () => {
    bot().setNow('2026-11-30T13:00:00Z');
    await recordAndConfirm(bot(), 'C3080 accommodated 3 Oct');
    bot().setNow('2026-11-30T13:05:00Z');
    await bot().say(MEMBER, 'C3080 team North');
    bot().setNow('2026-11-30T13:10:00Z');
    await bot().say(MEMBER, 'C3080 team South');
    const said = replyText(await bot().say(MEMBER, 'undo'));
    expect(said).toMatch(/Your last change was C3080's team, which `undo` does not take back: to put it back, say `C3080 team North`\./);
    // The date change before it is still offered, and named as such.
    expect(said).toMatch(/Your last change to a child's dates is below/);
    expect(said).toMatch(/Undo your last change to C3080\?/);
    // A first team is put back by taking the case out of its team.
    bot().setNow('2026-11-30T13:15:00Z');
    await recordAndConfirm(bot(), 'C3081 accommodated 4 Oct');
    bot().setNow('2026-11-30T13:20:00Z');
    await bot().say(MEMBER, 'C3081 team East');
    expect(replyText(await bot().say(MEMBER, 'undo'))).toMatch(/say `C3081 no team`\./);
    // The case's history says which team, and from which.
    const history = replyText(await bot().say(MEMBER, 'C3080 history'));
    expect(history).toMatch(/Mo Member moved it to team South \(was North\)/);
    expect(history).toMatch(/Mo Member put it in team North/);
    expect(history).not.toMatch(/Member team\b/);
  });
});

describe('undo after a colleague changed the same child since', () => {
  it('says the change was followed by theirs and is left, and never offers `case <ref> undo` for it', async () => {
    bot().setNow('2026-12-02T09:00:00Z');
    await recordAndConfirm(bot(), 'C3090 accommodated 3 Oct', COACH);
    bot().setNow('2026-12-02T09:05:00Z');
    await recordAndConfirm(bot(), 'C3090 permanence recommendation 20 Nov', MEMBER);
    const said = replyText(await bot().say(COACH, 'undo'));
    expect(said).toMatch(/Your change to C3090 has since been followed by Mo Member's, so `undo` leaves it: undoing it now would take theirs back too\. `case C3090 history` shows both\./);
    expect(said).not.toMatch(/`case C3090 undo`/);
    // Said once, not again in vaguer words.
    expect(said).not.toMatch(/each child you changed has been changed since/);
    // A day later, the older change suggested is one still the last on its case: not C3090.
    bot().setNow('2026-12-04T09:00:00Z');
    expect(replyText(await bot().say(COACH, 'undo'))).not.toMatch(/`case C3090 undo`/);
  });

  it('offers the change before it that is still the last on its case, saying why the newer one is not', async () => {
    bot().setNow('2026-12-03T09:00:00Z');
    await recordAndConfirm(bot(), 'C3091 accommodated 3 Oct', COACH);
    bot().setNow('2026-12-03T09:05:00Z');
    await recordAndConfirm(bot(), 'C3092 accommodated 4 Oct', COACH);
    bot().setNow('2026-12-03T09:10:00Z');
    await recordAndConfirm(bot(), 'C3092 permanence recommendation 20 Nov', MEMBER);
    const said = replyText(await bot().say(COACH, 'undo'));
    expect(said).toMatch(/Your change to C3092 has since been followed by Mo Member's/);
    expect(said).toMatch(/Your last change that can still be undone is below/);
    expect(said).toMatch(/Undo your last change to C3091\?/);
  });
});
