import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCaseRefPattern, findCaseReferences } from '../../src/domain/case-reference.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, COACH, LEAD, MEMBER, type TestBot, type TestUser } from '../helpers/test-bot.js';
import { planCycle, planValues } from './pdsa-scenario.js';
import { imageOf, shiftCases, startMeasuresBot, waitingCases } from './measures-seed.js';

// A case reference never goes to a channel. This runs what people type in a channel over a
// programme with children in it, and looks for any reference in everything the bot sends back.
let bot: TestBot;
let pattern: RegExp;
beforeAll(async () => {
  bot = await startMeasuresBot([...shiftCases(), ...waitingCases()]);
  await bot.say(MEMBER, 'whoami');
  await bot.say(MEMBER, 'join permanence-milestones');
  // A lead's settings made through children, in a direct message where references may go.
  await bot.say(LEAD, 'measure acc-rec exclude C2005 "Transferred in from another area"');
  await bot.say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
  await planCycle(bot, MEMBER, planValues({ linkedMeasures: 'acc-rec' }));
  const programme = await bot.db.collection('programmes').findOne({});
  pattern = compileCaseRefPattern(programme?.caseRefPattern as string | undefined);
}, 60_000);
afterAll(() => bot.drop());

/** Every word a reply carries: text, cards (JSON), alt text, tables, file titles and text files (the pack's HTML). */
function wordsOf(replies: Reply[]): string {
  const readable = replies.map((reply) =>
    reply.kind === 'file' && reply.mimeType.startsWith('text/') ? { ...reply, data: reply.data.toString('utf8') } : reply,
  );
  return JSON.stringify(readable, (key, value) => (key === 'png' || value instanceof Buffer || value?.type === 'Buffer' ? undefined : value));
}

/** Case references in the words, found the way the identifier guard finds them. */
function referencesIn(words: string): string[] {
  return findCaseReferences(words.replace(/\\n/g, ' '), pattern).map((m) => m.ref);
}

/** Answered in a channel by the builders themselves, naming children by date or counting them. */
const ANSWERED: [TestUser, string][] = [
  [MEMBER, 'chart acc-rec'],
  [MEMBER, 'chart acc-rec run'],
  [MEMBER, 'chart acc-rec control'],
  [MEMBER, 'chart acc-rec last 12 months'],
  [MEMBER, 'chart waiting'],
  [MEMBER, 'measures'],
  [MEMBER, 'measures permanence-milestones'],
  [MEMBER, 'measure acc-rec'],
  [LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"'],
  [LEAD, 'measure acc-rec phase from point 13 "Legal advice sought early from here"'],
  [LEAD, 'measure acc-rec phase remove point 13 "Set by mistake"'],
  [LEAD, 'measure acc-rec exclude point 7 "Moved area mid-way"'],
  [LEAD, 'overdue'],
  [LEAD, 'waiting at permanence recommendation'],
  [LEAD, 'my cases'],
  [LEAD, 'digest preview'],
  [LEAD, 'digest last'],
  [MEMBER, 'pdsa list'],
  [MEMBER, 'pdsa 1'],
  [LEAD, 'predictions'],
  [MEMBER, 'meeting next'],
  [MEMBER, 'meeting pack'],
  [ADMIN, 'alerts'],
  [COACH, 'alerts'],
];

/** About one child, or lists of them: refused (a reference typed) or withheld, pointing to a direct message. */
const KEPT_FOR_DIRECT: [TestUser, string][] = [
  [LEAD, 'measure acc-rec phase from C2013 "Legal advice sought early from here"'],
  [LEAD, 'measure acc-rec include C2005 "Belongs after all"'],
  [LEAD, 'case C2001'],
  [LEAD, 'case C2001 timeline'],
  [LEAD, 'case C2001 history'],
  [ADMIN, 'case C2001 export'],
  [ADMIN, 'case C2001 erase'],
  [LEAD, 'C2030 accommodated 3 Oct 2026'],
  [ADMIN, 'retention'],
  [ADMIN, 'export'],
];

const POINTED_TO_DIRECT = /ask me th(?:at|e same) in a direct message/i;

describe('in a channel, no reply names a child', () => {
  it.each(ANSWERED.map(([user, said]) => ({ who: user.name, user, said })))('$who: $said', async ({ user, said }) => {
    const words = wordsOf(await bot.say(user, said, { kind: 'channel' }));
    expect(words).not.toMatch(POINTED_TO_DIRECT);
    expect(referencesIn(words)).toEqual([]);
  });

  it.each(KEPT_FOR_DIRECT.map(([user, said]) => ({ who: user.name, user, said })))('$who: $said (kept for a direct message)', async ({ user, said }) => {
    const words = wordsOf(await bot.say(user, said, { kind: 'channel' }));
    expect(words).toMatch(POINTED_TO_DIRECT);
    expect(referencesIn(words)).toEqual([]);
  });

  it('the same checks can fail: a direct message does name children', async () => {
    const replies = await bot.say(MEMBER, 'chart acc-rec run');
    expect(referencesIn(wordsOf(replies))).toContain('C2024');
  });
});

describe('where a reply names a child, a channel gets the date they reached the stage instead', () => {
  it("setting a baseline: 'to C2012' to the lead in a direct message, the day C2012 reached it in a channel", async () => {
    const baseline = 'measure acc-rec baseline 12 "Before legal advice was sought early"';
    expect(wordsOf(await bot.say(LEAD, baseline))).toMatch(/first 12 points \(to C2012\)/);
    // C2012 is the 12th child: recommended 11 × 14 days after 6 January 2025.
    expect(wordsOf(await bot.say(LEAD, baseline, { kind: 'channel' }))).toMatch(/first 12 points \(to 9 June 2025\)/);
  });

  it("the measures list: the latest child by reference in a direct message, the monthly median in a channel", async () => {
    expect(wordsOf(await bot.say(MEMBER, 'measures'))).toMatch(/latest child 22 weeks \(C2024, 24 November 2025\)/);
    // One child's weeks and day would give their dates (a phone try-out): a channel reads by month, as the digest does.
    const inChannel = wordsOf(await bot.say(MEMBER, 'measures', { kind: 'channel' }));
    expect(inChannel).toMatch(/Accommodation to permanence recommendation\* `accommodated-to-permanence-recommendation`: latest monthly median 21.5 weeks \(November 2025\)/);
    expect(inChannel).not.toMatch(/latest child|24 November 2025/);
  });

  it('a point named by number in a channel is said back by its date', async () => {
    const said = wordsOf(await bot.say(LEAD, 'measure acc-rec exclude point 10 "Moved area mid-way"', { kind: 'channel' }));
    expect(said).toMatch(/Excluded point 10 \(12 May 2025\)/);
    expect(wordsOf(await bot.say(LEAD, 'measure acc-rec include point 10 "Belongs after all"'))).toMatch(/Point 10 \(C2010\) is back/);
  });
});

describe("the per-child control chart names children as the run chart does", () => {
  it('by reference and date in a direct message; by date alone in a channel, with the same PNG', async () => {
    const direct = imageOf(await bot.say(MEMBER, 'chart acc-rec control'));
    expect(direct.alt).toMatch(/I chart/);
    expect(direct.alt).toMatch(/C2001 \(6 January 2025\)/);
    expect(direct.table?.columns).toEqual(['#', 'Reached', 'Child', 'Weeks per child', 'Lower limit', 'Upper limit', 'Note']);
    expect(direct.table?.rows.map((row) => row[2])).toContain('C2024');
    const channel = imageOf(await bot.say(MEMBER, 'chart acc-rec control', { kind: 'channel' }));
    expect(channel.png.equals(direct.png)).toBe(true);
    expect(channel.alt).toMatch(/6 January 2025 to/);
    expect(channel.table?.columns).toEqual(['#', 'Reached', 'Weeks per child', 'Lower limit', 'Upper limit', 'Note']);
    expect(referencesIn(wordsOf([channel]))).toEqual([]);
  });
});

describe('a message about a child, written in a channel', () => {
  it('is not acted on there: nothing is written, and the person is asked to use a direct message', async () => {
    const said = wordsOf(await bot.say(LEAD, 'case C2002 team North', { kind: 'channel' }));
    expect(said).toMatch(/ask me that in a direct message/);
    expect(referencesIn(said)).toEqual([]);
    const held = await bot.db.collection('cases').findOne({ caseRef: 'C2002' });
    expect(held?.team).toBeUndefined();
    // The same words in a direct message do set it.
    await bot.say(LEAD, 'case C2002 team North');
    expect((await bot.db.collection('cases').findOne({ caseRef: 'C2002' }))?.team).toBe('North');
  });

  it('a list that would name children is withheld from the channel, and given in a direct message', async () => {
    expect(wordsOf(await bot.say(ADMIN, 'retention', { kind: 'channel' }))).toMatch(/Ask me the same in a direct message/);
    expect(referencesIn(wordsOf(await bot.say(ADMIN, 'retention')))).toContain('C2001');
  });
});

describe('made-up examples are not children', () => {
  it('help keeps its examples (C1042, C1077) in a channel, as no child here has them', async () => {
    const help = wordsOf(await bot.say(ADMIN, 'help milestone', { kind: 'channel' }));
    expect(help).not.toMatch(/Ask me the same in a direct message/);
    expect(help).toMatch(/C1042|C1077/);
  });
});
