import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import type { Reply } from '../../src/conversation/turn.js';
import { createLogger } from '../../src/log.js';
import { curlyApostrophes, straightApostrophes } from '../helpers/apostrophes.js';
import { COACH, LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { DIGEST_DUE, WORKSPACE, seedDigestProgramme } from '../jobs/digest-fixture.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  bot.setNow(DIGEST_DUE);
}, 60_000);
afterAll(async () => {
  await bot.drop();
});

const CASE_REF = /\bC\d{4}\b/;
/** The cards and images of a reply list, without the introductory line, to compare two digests. */
const content = (replies: Reply[]) => JSON.stringify(replies.filter((r) => r.kind !== 'text').map((r) => (r.kind === 'image' ? r.alt : r)));

describe('digest preview', () => {
  it('is for leads, coaches and admins', async () => {
    expect(replyText(await bot.say(MEMBER, 'digest preview'))).toMatch(/Only an admin, a coach or a lead can preview the digest/);
  });

  it("shows a lead in a channel what the channel would get now, with no case named", async () => {
    const replies = await bot.say(LEAD, 'digest preview', { kind: 'channel' });
    expect(replyText(replies)).toMatch(/Preview\* — nothing has been sent.*Thu 1 Apr 2027, 10:00.*It is due now/s);
    expect(replyText(replies)).toMatch(/fewer than 5 waiting/);
    expect(replies.filter((r) => r.kind === 'image')).toHaveLength(2);
    expect(replyText(replies)).not.toMatch(CASE_REF);
  });

  it('adds the lead\'s own part, with case references, in a direct message', async () => {
    const replies = await bot.say(LEAD, 'digest preview');
    expect(replyText(replies)).toMatch(/\*Your group\*, as you get it as lead, with case references/);
    // Their own group once, as they get it; the other group as the channel gets it (it was each
    // group of theirs twice, nearly word for word: some 13,000 characters on a phone).
    const lines = replyText(replies).split('\n');
    expect(lines.filter((line) => line === 'Permanence milestones')).toHaveLength(1);
    expect(lines.filter((line) => line === 'Legal processes')).toHaveLength(1);
    expect(lines.findIndex((line) => line === 'Legal processes')).toBeLessThan(lines.findIndex((line) => line.startsWith('*Your group*')));
    expect(replyText(replies)).toMatch(/C3001 41 weeks 1 day since accommodated/);
    expect(replyText(replies)).not.toMatch(/Legal processes\nYour aim group/);
    // The header that opens each part is the channel's: its rules paragraph is not said twice.
    expect(replyText(replies).match(/Run charts are read with/g)).toHaveLength(1);
  });
});

describe('questions for the digest', () => {
  it('are queued by coaches, not members', async () => {
    expect(replyText(await bot.say(MEMBER, 'digest question legal-processes Why?'))).toMatch(/Only a coach can queue questions/);
    expect(replyText(await bot.say(COACH, 'digest question legal-processes What slows the ADM decision?'))).toMatch(/Queued for Legal processes' part of the next digest \(P-\d+\)/);
    expect(replyText(await bot.say(MEMBER, 'digest questions'))).toMatch(/\(legal-processes\): What slows the ADM decision\? — Cora Coach/);
  });

  it('can be withdrawn with `prompt cancel`, said as a question withdrawn (a phone try-out)', async () => {
    const queued = replyText(await bot.say(COACH, 'digest question legal-processes Is this one needed at all?'));
    const number = /\(P-(\d+)\)/.exec(queued)![1];
    expect(replyText(await bot.say(COACH, `prompt cancel P-${number}`))).toBe(`P-${number} withdrawn: the question will not be asked in the digest.`);
    expect(replyText(await bot.say(MEMBER, 'digest questions'))).not.toMatch(/Is this one needed/);
  });

  it("appear in the group's part", async () => {
    expect(replyText(await bot.say(COACH, 'digest preview'))).toMatch(/For discussion\s*- What slows the ADM decision\?/);
  });
});

describe('sent digests', () => {
  it('say when none has gone out yet', async () => {
    expect(replyText(await bot.say(MEMBER, 'digest last'))).toMatch(/No digest has gone out yet/);
  });

  it('are shown again exactly as they were sent: the same as the preview at that moment', async () => {
    const preview = await bot.say(COACH, 'digest preview');
    expect(await runPlanDigests({ db: bot.db, logger: createLogger('silent'), owner: 'test', clock: () => new Date(DIGEST_DUE) })).toEqual({ [WORKSPACE]: 'planned' });
    bot.setNow('2027-04-20T10:00:00Z');
    const last = await bot.say(MEMBER, 'digest last');
    expect(replyText(last)).toMatch(/for the champions' meeting on Thu 1 Apr 2027, 10:00/);
    expect(content(last)).toBe(content(preview));
    expect(content(await bot.say(MEMBER, 'digest show 1 Apr 2027'))).toBe(content(preview));
  });

  it("name the cases only to a lead, in a direct message", async () => {
    expect(replyText(await bot.say(MEMBER, 'digest last'))).not.toMatch(CASE_REF);
    expect(replyText(await bot.say(LEAD, 'digest last', { kind: 'channel' }))).not.toMatch(CASE_REF);
    expect(replyText(await bot.say(LEAD, 'digest last'))).toMatch(/C4001/);
  });

  it("introduce a lead's own part with the same apostrophes as the rest of the bot's words", async () => {
    // "for the champions' meeting" sat above "(only your group’s leads get this…)". The digest's own
    // text (src/digest) is not the conversation's: only the bot's introductions are compared.
    const texts = (await bot.say(LEAD, 'digest last')).flatMap((r) => (r.kind === 'text' ? [r.text] : []));
    const intros = [texts[0]!, texts.find((t) => t.startsWith('*Your part as a lead*'))!].join('\n');
    expect(straightApostrophes(intros)).toContain("champions'");
    expect(curlyApostrophes(intros)).toEqual([]);
  });

  it('say which digests there are when a date has none', async () => {
    expect(replyText(await bot.say(MEMBER, 'digest show 5 Apr 2027'))).toMatch(/No digest was sent for a meeting on 5 Apr 2027\. Digests kept: 1 Apr 2027\./);
  });
});
