import { describe, expect, it } from 'vitest';
import { ADMIN, COACH, MEMBER, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

/** What tripped a new area's try-out: the words of the digest and the charts, and people added by mistake. */
const bot = useProgrammeBot({ now: '2026-11-20T10:00:00Z' });

describe('`digest preview` before any meeting has been held', () => {
  it('says the tests of change are those over the last six weeks, as the header does', async () => {
    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const said = replyText(await bot().say(COACH, 'digest preview'));
    expect(said).not.toMatch(/since the last six weeks/);
    expect(said).toMatch(/Tests of change over the last six weeks/);
    // The header says the same span.
    expect(said).toMatch(/over the last six weeks, data gaps/);
  });
});

describe('a chart with no child on it yet', () => {
  it('says so plainly, without the order they reached it in', async () => {
    // North's one child is still waiting; South's has reached the recommendation.
    await recordAndConfirm(bot(), 'C1050 accommodated 2 Mar 2026');
    await bot().say(MEMBER, 'C1050 team North');
    await recordAndConfirm(bot(), 'C1051 accommodated 2 Feb 2026');
    await recordAndConfirm(bot(), 'C1051 permanence recommendation 3 Aug 2026');
    await bot().say(MEMBER, 'C1051 team South');
    const north = replyText(await bot().say(COACH, 'chart acc-rec team North'));
    expect(north).toMatch(/No child has reached permanence recommendation yet \(last 24 months\)\. 1 child is still waiting/);
    expect(north).not.toMatch(/0 children|in the order they reached it/);
    const south = replyText(await bot().say(COACH, 'chart acc-rec team South'));
    // One child has no order to be shown in.
    expect(south).toMatch(/1 child reached permanence recommendation \(last 24 months\)\./);
    expect(south).not.toMatch(/in the order they reached it/);
    // The chart's alt text counts its one point in the singular.
    expect(south).toMatch(/: 1 point\b/);
    expect(south).not.toMatch(/\b1 points\b/);
  });
});

describe('a chart too early for the rules', () => {
  it('says what can be seen on it, not jargon: one point sits on the line and the rules need points above or below it', async () => {
    await recordAndConfirm(bot(), 'C1061 accommodated 2 Feb 2026');
    await recordAndConfirm(bot(), 'C1061 permanence recommendation 3 Aug 2026');
    await bot().say(MEMBER, 'C1061 team West');
    const said = replyText(await bot().say(COACH, 'chart acc-rec team West'));
    expect(said).toMatch(/the one point sits exactly on the median line; the rules need 10 points above or below it/);
    expect(said).not.toMatch(/points on the line do not count/);
  });
});

describe('a team sent again', () => {
  it('says lists can be asked for by team, not that they now can', async () => {
    await recordAndConfirm(bot(), 'C1062 accommodated 2 Mar 2026');
    const first = replyText(await bot().say(MEMBER, 'C1062 team East'));
    expect(first).toMatch(/Team set/);
    expect(first).toMatch(/can now be asked for by team/);
    const again = replyText(await bot().say(MEMBER, 'C1062 team East'));
    expect(again).toMatch(/Team unchanged/);
    expect(again).toMatch(/Lists and charts can be asked for by team, e\.g\. `overdue team East`/);
    expect(again).not.toMatch(/can now be/);
  });
});

describe('a chart’s alt text and the meeting pack', () => {
  it('offer no chat command in brackets: the chat reply offers `chart waiting`, the alt text read aloud does not', async () => {
    await recordAndConfirm(bot(), 'C1070 accommodated 2 Mar 2026');
    await bot().say(MEMBER, 'C1070 team Central');
    await recordAndConfirm(bot(), 'C1071 accommodated 2 Feb 2026');
    await recordAndConfirm(bot(), 'C1071 permanence recommendation 3 Aug 2026');
    await bot().say(MEMBER, 'C1071 team Central');
    const replies = await bot().say(COACH, 'chart acc-rec team Central');
    expect(replyText(replies)).toMatch(/still waiting between .* so not counted here \(`chart waiting`\)/);
    const image = replies.find((r) => r.kind === 'image');
    expect(image && 'alt' in image ? image.alt : '').toMatch(/still waiting between .* so not counted here\./);
    expect(image && 'alt' in image ? image.alt : '').not.toMatch(/`|chart waiting/);
    // One child waiting: exact in a direct message, "fewer than 5" where a group reads it.
    expect(replyText(replies)).toMatch(/1 child is still waiting between/);
    // How many reached the stage, too: exact for a person, "fewer than 5" for a group, which is
    // not shown the chart of so few children at all (case-teams.test.ts).
    expect(replyText(replies)).toMatch(/1 child reached permanence recommendation/);
    const inChannel = replyText(await bot().say(COACH, 'chart acc-rec team Central', { kind: 'channel' }));
    expect(inChannel).toMatch(/Fewer than 5 children reached permanence recommendation in team Central/);
    expect(inChannel).not.toMatch(/1 child/);
  });
});

describe('a measure named with a slip of the finger', () => {
  it('asks "did you mean" with the measure it nearly names, and draws nothing', async () => {
    const said = replyText(await bot().say(COACH, 'chart acc-recc'));
    expect(said).toMatch(/I don't know a measure called "acc-recc"\. Did you mean \*Accommodation to permanence recommendation\* \(`accommodated-to-permanence-recommendation`\)\?/);
    expect(replyText(await bot().say(COACH, 'chart acommodation to recomendation'))).toMatch(/Did you mean \*Accommodation to permanence recommendation\*/);
    // Nothing near: what there is, as before.
    expect(replyText(await bot().say(COACH, 'chart bananas'))).toMatch(/I don't know a measure called "bananas"\. Type `measures`/);
  });
});
