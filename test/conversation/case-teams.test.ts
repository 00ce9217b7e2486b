import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, MEMBER, type TestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { startPermanenceBot } from './case-lists-seed.js';

let bot: TestBot;
const teamOf = async (caseRef: string) => (await bot.db.collection('cases').findOne({ caseRef }))?.team;

beforeAll(async () => {
  bot = await startPermanenceBot('Teams PACE');
  await recordAndConfirm(bot, 'C6101 accommodated 1 Jan 2026');
  await recordAndConfirm(bot, 'C6102 accommodated 1 Mar 2026');
  await recordAndConfirm(bot, 'C6103 accommodated 1 Oct 2026');
  await recordAndConfirm(bot, 'C6104 accommodated 1 Feb 2026', ADMIN);
  await recordAndConfirm(bot, 'C6104 first LAC review 10 Feb 2026', ADMIN);
});
afterAll(() => bot?.drop());

describe('a case carries a team', () => {
  it('is set by a sentence, confirmed on a card and audited; the spelling already used is kept', async () => {
    const replies = await bot.say(MEMBER, 'C6101 team North');
    expect(firstCard(replies)).toMatchObject({ title: 'Team set', facts: expect.arrayContaining([{ label: 'Team', value: 'North' }]) });
    expect(await teamOf('C6101')).toBe('North');
    await bot.say(MEMBER, 'C6102 locality: north');
    expect(await teamOf('C6102')).toBe('North');
    await bot.say(ADMIN, 'case C6104 team South');
    expect(await teamOf('C6104')).toBe('South');
    const audit = await bot.db.collection('audit').find({ entity: 'case', action: 'team' }).toArray();
    expect(audit.map((a) => [a.entityId, a.after.team])).toEqual([['C6101', 'North'], ['C6102', 'North'], ['C6104', 'South']]);
    expect(await bot.db.collection('cases').countDocuments({ pendingAudit: { $exists: true } })).toBe(0);
  });

  it('runs the team through the identifier guard', async () => {
    expect(replyText(await bot.say(MEMBER, 'C6103 team EH1 2NG'))).toMatch(/looks like a postcode/);
    expect(await teamOf('C6103')).toBeUndefined();
    expect(replyText(await bot.say(MEMBER, 'C6998 team EH1 2NG'))).toMatch(/looks like a postcode/);
    expect(await bot.db.collection('cases').countDocuments({ caseRef: 'C6998' })).toBe(0);
  });

  it('starts a case from its team alone, audited, and keeps the team when its dates follow', async () => {
    const replies = await bot.say(MEMBER, 'C6999 team North');
    expect(firstCard(replies)).toMatchObject({ title: 'Team set', facts: expect.arrayContaining([{ label: 'Case', value: 'C6999' }, { label: 'Team', value: 'North' }]) });
    expect(replyText(replies)).toMatch(/no dates for C6999 yet/);
    expect(await teamOf('C6999')).toBe('North');
    const audit = await bot.db.collection('audit').find({ entityId: 'C6999' }).toArray();
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([['team', { team: null }, { team: 'North' }]]);
    expect(await bot.db.collection('cases').countDocuments({ pendingAudit: { $exists: true } })).toBe(0);
    // A case with a team and no dates is nobody's yet and on no list.
    expect(replyText(await bot.say(MEMBER, 'my cases team North'))).not.toMatch(/C6999/);
    await recordAndConfirm(bot, 'C6999 accommodated 1 Nov 2026');
    expect(await teamOf('C6999')).toBe('North');
    expect(replyText(await bot.say(MEMBER, 'my cases team North'))).toMatch(/C6999/);
    // Taking a team away from a case never seen starts nothing.
    expect(replyText(await bot.say(MEMBER, 'C6997 no team'))).toMatch(/C6997 is in no team/);
    expect(await bot.db.collection('cases').countDocuments({ caseRef: 'C6997' })).toBe(0);
    await bot.db.collection('cases').deleteOne({ caseRef: 'C6999' });
    await bot.db.collection('audit').deleteMany({ entityId: 'C6999' });
  });

  it('is set from the case card’s Team form, whose text goes through the identifier guard', async () => {
    const shown = firstCard(await bot.say(MEMBER, 'C6103'));
    const button = shown.buttons!.find((b) => b.label === 'Team')!;
    const opened = firstCard(await bot.act(MEMBER, button.action.verb, button.action.data ?? {}));
    expect(opened.form!.inputs.map((i) => i.id)).toEqual(['team']);
    const [refused] = await bot.act(MEMBER, opened.form!.submit.verb, opened.form!.submit.data ?? {}, { team: 'EH1 2NG' });
    if (refused!.kind !== 'form_errors') throw new Error(`expected form_errors, got ${refused!.kind}`);
    expect(refused!.errors.team).toMatch(/looks like a postcode/);
    expect(await teamOf('C6103')).toBeUndefined();
    await bot.act(MEMBER, opened.form!.submit.verb, opened.form!.submit.data ?? {}, { team: 'East' });
    expect(await teamOf('C6103')).toBe('East');
    expect(firstCard(await bot.say(MEMBER, 'C6103')).facts).toContainEqual({ label: 'Team', value: 'East' });
    // Blank takes it out of its team again, audited like any change.
    await bot.act(MEMBER, opened.form!.submit.verb, opened.form!.submit.data ?? {}, { team: '' });
    expect(await teamOf('C6103')).toBeUndefined();
    expect(await bot.db.collection('audit').countDocuments({ entityId: 'C6103', action: 'team' })).toBe(2);
  });

  it('filters my cases, overdue and waiting lists by team, and names an unknown team’s alternatives', async () => {
    const mine = replyText(await bot.say(MEMBER, 'my cases team North'));
    expect(mine).toMatch(/Your cases in team North\* \(2\)/);
    expect(mine).not.toMatch(/C6103/);
    const overdue = replyText(await bot.say(LEAD, 'overdue team north'));
    expect(overdue).toMatch(/in team North: 2 past 26 weeks/);
    expect(overdue).toMatch(/- C6101: 46 weeks \(Mo Member\)\n- C6102: 37 weeks 4 days \(Mo Member\)/);
    expect(replyText(await bot.say(LEAD, 'overdue team South'))).toMatch(/in team South: 1 past 26 weeks without permanence recommendation\n- C6104: 41 weeks 4 days \(Alex Admin\)$/);
    expect(replyText(await bot.say(LEAD, 'overdue team West'))).toMatch(/No case is in a team called “West”\. Teams with cases: North, South\./);
  });
});

describe('a chart by team', () => {
  it('draws only that team’s children and says which team', async () => {
    await recordAndConfirm(bot, 'C6105 accommodated 1 Jan 2026');
    await recordAndConfirm(bot, 'C6105 first LAC review 14 Jan 2026');
    await recordAndConfirm(bot, 'C6105 permanence recommendation 1 Jul 2026');
    await bot.say(MEMBER, 'C6105 team North');
    const north = await bot.say(LEAD, 'chart acc-rec team North');
    expect(north.some((r) => r.kind === 'image')).toBe(true);
    expect(replyText(north)).toMatch(/Accommodation to permanence recommendation\* \(team North\)/);
    // South's one child has no recommendation yet, so there is nothing to draw for it.
    await bot.say(ADMIN, 'case C6104 team South');
    const south = replyText(await bot.say(LEAD, 'chart accommodated-to-permanence-recommendation team South'));
    // The team is said with it (a phone try-out: "No data yet for … (all data)" read as the whole area).
    expect(south).toMatch(/^No data yet for Accommodation to permanence recommendation in team South \(.*1 child is still waiting/);
  });

  it('is not drawn child by child in a channel for fewer than 5 children (a DPO review: one point gave a child’s dates)', async () => {
    const replies = await bot.say(LEAD, 'chart acc-rec team North', { kind: 'channel' });
    expect(replies.some((r) => r.kind === 'image')).toBe(false);
    const said = replyText(replies);
    expect(said).toMatch(/Fewer than 5 children reached permanence recommendation in team North: too few to draw child by child in a channel/);
    expect(said).toMatch(/Ask me in a direct message: `chart acc-rec team North`/);
    expect(said).not.toMatch(/2026|weeks/);
    // In a direct message the lead still sees each child.
    expect((await bot.say(LEAD, 'chart acc-rec team North')).some((r) => r.kind === 'image')).toBe(true);
  });
});

describe('the waiting chart by team', () => {
  it('counts only that team’s children; in a channel it names none', async () => {
    const north = replyText(await bot.say(LEAD, 'chart waiting accommodated-to-permanence-recommendation team North'));
    expect(north).toMatch(/Children still waiting\* in team North/);
    expect(north).toMatch(/: 2 waiting .*Longest waits: C6101, C6102\./);
    const all = replyText(await bot.say(LEAD, 'chart waiting accommodated-to-permanence-recommendation', { kind: 'channel' }));
    expect(all).toMatch(/: fewer than 5 waiting/); // small counts never go to a channel exactly
    expect(all).not.toMatch(/C61|Longest waits/);
  });
});

describe('waiting at a stage', () => {
  it('lists children at the stage past the aim that starts there, longest first, with who holds each', async () => {
    const said = replyText(await bot.say(LEAD, 'waiting at accommodated'));
    expect(said).toMatch(/Waiting at accommodated\*: 3 children, 2 of them past 26 weeks — \*Accommodation to permanence recommendation\* \(aim: within 26 weeks\)/);
    expect(said).toMatch(/- C6101: 46 weeks \(Mo Member\)\n- C6102: 37 weeks 4 days \(Mo Member\)/);
    expect(said).not.toMatch(/C6103|C6104/);
  });

  it('lists everyone at a stage no aim starts at, in members’ words, by team', async () => {
    const said = replyText(await bot.say(ADMIN, 'waiting at LAC review'));
    expect(said).toMatch(/Waiting at first LAC review\*: 1 child, longest first\n- C6104: 40 weeks 2 days \(Alex Admin\)/);
    const none = replyText(await bot.say(ADMIN, 'waiting at first LAC review team North'));
    expect(none).toMatch(/Nobody stands at first LAC review in team North now \(reached it, and not yet the next stage\)\./);
    // …and where the children waiting *for* it are, which `chart waiting` counts.
    expect(none).toMatch(/Waiting \*for\* first LAC review: \d+ at accommodated \(`waiting at accommodated`\)\./);
  });

  it('gives counts only in a channel, refuses members, and helps with a misspelt stage', async () => {
    const channel = replyText(await bot.say(LEAD, 'waiting at accommodated', { kind: 'channel' }));
    expect(channel).toMatch(/fewer than 5 children, fewer than 5 of them past 26 weeks/);
    expect(channel).toMatch(/Ask me in a direct message/);
    expect(channel).not.toMatch(/C61/);
    expect(replyText(await bot.say(LEAD, 'overdue', { kind: 'channel' }))).not.toMatch(/C61/);
    expect(replyText(await bot.say(MEMBER, 'waiting at accommodated'))).toMatch(/Only an admin or a lead/);
    expect(replyText(await bot.say(LEAD, 'waiting at LAC reveiw'))).toMatch(/Did you mean “First LAC review”\?/);
  });
});
