import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_FOR_DIRECT_MESSAGE } from '../../src/conversation/channel-privacy.js';
import { compileCaseRefPattern, findCaseReferences } from '../../src/domain/case-reference.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { createTestBot, replyText, type TestBot, type TestUser } from '../helpers/test-bot.js';

// The phone try-out: help and its examples, typed exactly, in the demo (Load demo data).
const NOW = '2026-12-06T10:00:00Z';
const WS = 'web-local';
const ADMIN: TestUser = { id: 'demo-admin', name: 'Ailsa Grant' };
const LEAD: TestUser = { id: 'demo-lead', name: 'Fiona MacLeod' };
const COACH: TestUser = { id: 'demo-coach', name: 'Callum Reid' };
const MEMBER: TestUser = { id: 'demo-member', name: 'Jamie Munro' };
const LEAD_ASSESSMENT: TestUser = { id: 'demo-lead-assessment', name: 'Priya Nair' };

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot({ now: NOW, workspaceId: WS });
  await loadDemo(bot.db, WS, { now: new Date(NOW) });
}, 60000);
afterEach(async () => {
  await bot.drop();
});

const say = async (user: TestUser, words: string, kind: 'direct' | 'channel' = 'direct') => replyText(await bot.say(user, words, { kind }));

/** The references a reply names that are children the demo holds. */
async function heldRefsIn(said: string): Promise<string[]> {
  const refs = findCaseReferences(said, compileCaseRefPattern()).map((m) => m.ref);
  const held = await workspaceStore(bot.db, WS).cases.find({ caseRef: { $in: refs } }, { projection: { caseRef: 1 } }).toArray();
  return held.map((c) => c.caseRef);
}

/** The first backticked command after `label` in a help reply. */
const exampleAfter = (said: string, label: RegExp) => new RegExp(`${label.source}[^\`\\n]*\`([^\`]+)\``).exec(said)?.[1];

describe('help in a channel of an area that holds C1042', () => {
  it('the demo holds the default example reference (what made every hint a child)', async () => {
    expect(await heldRefsIn('C1042')).toEqual(['C1042']);
  });

  for (const [who, user, words] of [
    ['a member', MEMBER, 'help'],
    ['an admin', ADMIN, 'help'],
    ['a lead', LEAD, 'hello'],
    ['a lead', LEAD, 'help dates'],
    ['a lead', LEAD, 'help case'],
  ] as const) {
    it(`${who}'s \`${words}\` is answered there, and its examples name no child the area holds`, async () => {
      const said = await say(user, words, 'channel');
      expect(said).not.toContain(KEPT_FOR_DIRECT_MESSAGE);
      expect(said.length).toBeGreaterThan(60);
      expect(await heldRefsIn(said)).toEqual([]);
    });
  }

  it('a direct message gets the same free example, and typing it records a new child', async () => {
    const said = await say(MEMBER, 'help');
    const typed = /Record a date, in your own words: \*([^*]+)\*/.exec(said)?.[1];
    expect(typed).toBeDefined();
    expect(await heldRefsIn(typed!)).toEqual([]);
    const recorded = await say(MEMBER, typed!);
    expect(recorded).not.toMatch(/can’t come after|Nothing was recorded/);
    // Now that reference is a child: the next help picks another.
    const again = await say(MEMBER, 'help', 'channel');
    expect(again).not.toContain(KEPT_FOR_DIRECT_MESSAGE);
    expect(await heldRefsIn(again)).toEqual([]);
  });
});

describe('a lead and questions for the meeting (domain: a coach puts questions to the groups)', () => {
  it('a lead’s help does not offer a command the lead is refused', async () => {
    const said = await say(LEAD, 'help');
    expect(said).not.toMatch(/digest question/);
    for (const step of said.match(/^\d\. .*$/gm) ?? []) {
      const typed = /`([^`<]+)`$/.exec(step)?.[1];
      if (typed) expect(await say(LEAD, typed), typed).not.toMatch(/Only a|can’t|couldn't|No .* match|didn't catch/);
    }
  });

  it('a coach’s help offers it, in their own words of the command', async () => {
    const said = await say(COACH, 'help');
    expect(said).toMatch(/`digest question [a-z-]+ <question>`/);
  });
});

describe('a coach’s first steps work as typed in the demo', () => {
  it('step 1 says to link the group’s channel first when none is (the demo links none), and then works as typed', async () => {
    const step = (await say(COACH, 'help')).split('\n').find((l) => l.startsWith('1. '))!;
    const link = /`(group [a-z-]+ link)`/.exec(step)?.[1];
    expect(link).toBeDefined();
    const prompt = /`(prompt [^`]+)`$/.exec(step)?.[1];
    expect(await say(COACH, prompt!)).toMatch(/no channel linked/);
    expect(await say(ADMIN, link!, 'channel')).toMatch(/now/);
    expect(await say(COACH, prompt!)).toMatch(/P-\d+/);
    // With a channel linked, the step names that group's prompt alone.
    const linked = (await say(COACH, 'help')).split('\n').find((l) => l.startsWith('1. '))!;
    expect(linked).toBe(`1. Prompt a group every week: \`${prompt}\``);
  });

  it('step 2 lists the tests waiting for their Study, T-20 among them', async () => {
    const step = exampleAfter(await say(COACH, 'help'), /2\. /);
    expect(await say(COACH, step!)).toMatch(/T-20\b.*Carried out, to study/);
  });
});

describe('other help examples, typed exactly in the demo', () => {
  const lines = async (user: TestUser, topic: string) => (await say(user, `help ${topic}`)).split('\n');
  const exampleOf = (found: string[], usageStart: string) => {
    const line = found.find((l) => l.startsWith(`- \`${usageStart}`));
    return line ? /e\.g\. `([^`]+)`/.exec(line)?.[1] ?? /^- `([^`]+)`/.exec(line)![1] : undefined;
  };
  const failed = /couldn't tell|No case has a team|no champions' meeting on|No digest was sent|There is no reply|Only .* can change|can’t come after|didn't catch/;

  it('`measure record` names a measure the area has', async () => {
    const typed = exampleOf(await lines(MEMBER, 'measure'), 'measure record');
    // The value is the person's to give: a made-up one typed as shown would be kept as data.
    expect(typed).toMatch(/^measure record [a-z0-9-]+ [A-Z][a-z]{2} \d{4} <value>$/);
    // Understood (measure and month): recorded, or (the demo has last month) offered to overwrite.
    expect(await say(MEMBER, typed!.replace('<value>', '50'))).toMatch(/^Recorded: |already has a value/);
  });

  it('`pdsa <T-n>` names a test the person may move on', async () => {
    const typed = exampleOf(await lines(MEMBER, 'pdsa'), 'pdsa <T-n>');
    expect(typed).toBeDefined();
    if (!typed!.includes('<')) expect(await say(MEMBER, typed!)).not.toMatch(failed);
  });

  for (const [usage, topic] of [
    ['overdue', 'all'],
    ['meeting move', 'meeting'],
    ['meeting skip', 'meeting'],
    ['digest show', 'digest'],
    ['prompt attach', 'prompt'],
  ] as const) {
    it(`\`${usage}\` works as typed, or is written as a pattern`, async () => {
      const typed = exampleOf(await lines(LEAD, topic), usage);
      expect(typed, usage).toBeDefined();
      if (!typed!.includes('<')) expect(await say(LEAD, typed!)).not.toMatch(failed);
    });
  }

  it('with a reply R-1, `prompt responses` and `help prompt` name R-1, not R-5', async () => {
    const store = workspaceStore(bot.db, WS);
    const prompt = (await store.prompts.findOne({}))!;
    await store.promptResponses.insertOne({
      number: 1, promptId: prompt._id!.toHexString(), promptNumber: prompt.number, groupKey: prompt.groupKey!,
      occurrence: '2026-11-30', userId: MEMBER.id, userName: MEMBER.name, text: 'The drift check found two children.', eventId: 'evt-r1', at: new Date(NOW), attachedTo: [],
    });
    const said = await say(COACH, 'prompt responses');
    expect(said).toMatch(/\*R-1\*/);
    expect(said).toMatch(/`prompt attach R-1 to T-<n>`/);
    const typed = exampleOf(await lines(COACH, 'prompt'), 'prompt attach');
    expect(typed).toMatch(/^prompt attach R-1 to T-\d+$/);
    expect(await say(COACH, typed!)).toMatch(/reply R-1 is now a note on \*T-\d+\*/);
  });

  it('a lead’s step 2 charts their own group’s key measure', async () => {
    const step = exampleAfter(await say(LEAD_ASSESSMENT, 'help'), /2\. /);
    const group = await workspaceStore(bot.db, WS).groups.findOne({ key: 'assessment' });
    const measure = await workspaceStore(bot.db, WS).measures.findOne({ key: group!.aim!.measureKey! });
    expect(step).toBe(`chart ${measure!.key}`);
    expect(await say(LEAD_ASSESSMENT, step!)).not.toMatch(/couldn't|didn't catch|No measure/);
  });
});
