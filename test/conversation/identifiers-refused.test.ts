import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_SUFFIX } from '../../cards/form-values.js';
import type { Card, FormValues } from '../../cards/model.js';
import { DEFAULT_CASE_REF_PATTERN } from '../../src/domain/case-reference.js';
import { handleTurn } from '../../src/conversation/handle-turn.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, COACH, createTestBot, firstCard, MEMBER, replyText, type TestBot, type TestUser } from '../helpers/test-bot.js';
import { everythingStored, namesKind, PLANTED, type Planted, secretsIn } from '../helpers/planted-identifiers.js';
import { DO_VALUES, planCycle, planValues, setUpProgramme, STUDY_VALUES } from './pdsa-scenario.js';

// Every free-text path through the conversation core, with one identifier of each kind planted:
// the reply names the kind and never the value, and afterwards the value is nowhere in the database
// or the logs. Each path also runs once with ordinary words, which must be kept: that proves the
// path stores free text, so its refusal is the guard's doing and not a missing precondition.

let bot: TestBot;
const logLines: string[] = [];
/** Words each control run typed, which must be found stored afterwards. */
const kept: string[] = [];
let markers = 0;
const marker = () => `Quokka${++markers}x`;

beforeAll(async () => {
  bot = await createTestBot();
  bot.deps.logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  await setUpProgramme(bot);
  await bot.say(ADMIN, 'group legal-processes link', { kind: 'channel' });
  await bot.say(COACH, 'measure new "Template use" unit % better up');
  await bot.say(MEMBER, 'measure record template-use Oct 2026 64%');
  expect(await planCycle(bot)).toBe(1);
});
afterAll(() => bot?.drop());

const json = (replies: Reply[]) => JSON.stringify(replies);

function expectRefused(replies: Reply[], planted: Planted): void {
  expect(replyText(replies) + json(replies)).toContain(namesKind(planted.kind));
  expect(secretsIn(json(replies), [planted])).toEqual([]);
}

/** A typed command or sentence with `{X}` where the free text goes, and who may type it. */
interface TypedPath {
  who: TestUser;
  said: string;
  /** Whether the words of an accepted message are stored (a name, a note); else only refused. */
  stores: boolean;
}

const TYPED: TypedPath[] = [
  { who: ADMIN, said: 'setup programme "Northshire {X}"', stores: true },
  { who: ADMIN, said: 'group add "Group {X}"', stores: true },
  { who: ADMIN, said: 'group add "Aimed group" aim "Reduce delay {X}"', stores: true },
  { who: ADMIN, said: 'group add "Targeted group" aim "Reduce delay" target "{X}"', stores: true },
  { who: COACH, said: 'idea add "Idea {X}"', stores: true },
  { who: COACH, said: 'idea add "Checklist idea" aim 2 "A checklist {X}"', stores: true },
  { who: COACH, said: 'idea agenda-72-hour-meeting edit description "Agenda {X}"', stores: true },
  { who: MEMBER, said: 'pdsa T-1 note {X}', stores: true },
  { who: COACH, said: 'digest question legal-processes What about {X}?', stores: true },
  { who: COACH, said: 'prompt legal-processes every 2 weeks from 7 Dec 09:00: What about {X}?', stores: true },
  { who: COACH, said: 'measure new "Use {X}" unit % better up', stores: true },
  { who: COACH, said: 'measure template-use baseline 1 "new agenda {X}"', stores: true },
  { who: COACH, said: 'measure template-use chart run "the team reads {X}"', stores: true },
  { who: ADMIN, said: 'milestone add "Sibling check {X}"', stores: true },
  { who: ADMIN, said: 'milestone rename "legal advice" to "Legal gateway {X}"', stores: true },
  { who: ADMIN, said: 'person add "{X}"', stores: false },
  { who: ADMIN, said: 'hand over {X} to Mo Member', stores: false },
  // A team may start a case (before its first date), so its words are kept; not C1042, which the
  // replies' examples name and which would then be a child held.
  { who: MEMBER, said: 'C1098 team {X}', stores: true },
  { who: MEMBER, said: 'away until 20 Dec 2026 {X}', stores: false },
  { who: MEMBER, said: 'C1042 accommodated 3 Oct 2026, {X}', stores: false },
  { who: MEMBER, said: '{X}', stores: false },
];

describe('typed commands and sentences', () => {
  it.each(TYPED)('$said', async ({ who, said, stores }) => {
    for (const planted of PLANTED) expectRefused(await bot.say(who, said.replace('{X}', planted.text)), planted);
    const words = marker();
    let accepted = await bot.say(who, said.replace('{X}', words));
    // A rename is asked on a card first (setup programme on an existing programme): confirm it.
    const rename = accepted.flatMap((r) => (r.kind === 'card' ? (r.card.buttons ?? []) : [])).find((b) => b.id === 'rename');
    if (rename) accepted = await bot.act(who, rename.action.verb, rename.action.data ?? {});
    expect(replyText(accepted)).not.toMatch(/looks like/);
    if (stores) kept.push(words);
  });
});

describe('a reply in the thread of a coach\'s prompt', () => {
  it('is refused with the kind, and kept when it holds none', async () => {
    const prompt = await bot.db.collection('prompts').findOne({ kind: 'prompt' });
    const at = new Date();
    await bot.db.collection('deliveries').insertOne({
      workspaceId: 'T-TEST', idempotencyKey: 'prompt|thread-test', kind: 'prompt', sourceId: prompt!._id.toHexString(),
      occurrence: at.toISOString(), recipient: { platform: 'web', kind: 'channel', id: 'channel-1' }, status: 'sent',
      attempts: 0, nextAttemptAt: at, sentParts: 1, conversationId: 'channel-1', messageIds: ['prompt-msg-1'], createdAt: at, updatedAt: at,
    });
    let n = 0;
    const reply = (text: string) =>
      handleTurn(
        { platform: 'web', workspaceId: 'T-TEST', user: MEMBER, conversation: { id: 'channel-1', kind: 'thread', threadId: 'prompt-msg-1' }, text, eventId: `thread-${++n}`, receivedAt: new Date() },
        bot.deps,
      );
    for (const planted of PLANTED) expectRefused(await reply(`We tried it with ${planted.text}`), planted);
    const words = marker();
    expect(replyText(await reply(`We tried it ${words}`))).toMatch(/your reply is kept/);
    kept.push(words);
  });
});

/** A form as opened by `open`, submitted with `verb`, and values that save when nothing is planted. */
interface FormPath {
  name: string;
  who: TestUser;
  open: string;
  verb: string;
  data?: Record<string, string | number>;
  valid: () => FormValues;
}

const FORMS: FormPath[] = [
  {
    name: 'programme settings', who: ADMIN, open: 'setup', verb: 'setup.programme.save',
    valid: () => ({ name: 'Northshire PACE', timeZone: 'Europe/London', caseRefPattern: DEFAULT_CASE_REF_PATTERN, ruleSet: 'ihi' }),
  },
  {
    name: 'aim group', who: ADMIN, open: 'group new', verb: 'setup.group.save',
    valid: () => ({ name: `Formed ${marker()}`, aimStatement: 'Reduce the time to panel', aimTarget: '28 weeks', aimTargetDate: '2027-12-31', aimTargetValue: '28' }),
  },
  {
    name: 'change idea', who: COACH, open: 'idea add', verb: 'ideas.save',
    valid: () => ({ title: `Formed ${marker()}`, aim: 'aim-2', description: 'A short description' }),
  },
  { name: 'PDSA plan', who: MEMBER, open: 'pdsa new', verb: 'pdsa.plan.save', valid: () => planValues({ title: `Formed ${marker()}`, what: 'The set agenda', where: 'Team A meetings' }) },
  { name: 'PDSA do', who: MEMBER, open: 'pdsa T-1 do', verb: 'pdsa.do.save', data: { number: 1 }, valid: () => ({ ...DO_VALUES }) },
  { name: 'PDSA study', who: MEMBER, open: 'pdsa T-1 study', verb: 'pdsa.study.save', data: { number: 1 }, valid: () => ({ ...STUDY_VALUES }) },
  { name: 'PDSA act', who: MEMBER, open: 'pdsa T-1 act', verb: 'pdsa.act.save', data: { number: 1 }, valid: () => ({ decision: 'adapt', nextCycle: 'Send it with the invitation' }) },
];

/** The inputs a person types words into: text, multiline, and a choice's "other" answer. */
function freeTextIds(card: Card): string[] {
  return (card.form?.inputs ?? []).flatMap((input) => {
    if (input.kind === 'text' || input.kind === 'multiline') return [input.id];
    if (input.kind === 'choice' && input.allowOther) return [`${input.id}${OTHER_SUFFIX}`];
    return [];
  });
}

describe('forms: every free-text field', () => {
  // In order: each PDSA stage opens once the one before is saved.
  it.each(FORMS)('$name', async ({ who, open, verb, data = {}, valid }) => {
    const ids = freeTextIds(firstCard(await bot.say(who, open)));
    expect(ids.length).toBeGreaterThan(0);
    for (const [i, id] of ids.entries()) {
      // Each field gets two kinds in turn, so every kind meets every form.
      for (const planted of [PLANTED[i % PLANTED.length]!, PLANTED[(i + 3) % PLANTED.length]!]) {
        const replies = await bot.act(who, verb, data, { ...valid(), [id]: `Words and ${planted.text}` });
        const [reply] = replies;
        expect(reply!.kind, `${id}: ${json(replies)}`).toBe('form_errors');
        if (reply!.kind !== 'form_errors') continue;
        expect(reply.errors[id.replace(OTHER_SUFFIX, '')]).toContain(namesKind(planted.kind));
        expect(secretsIn(json(replies), [planted])).toEqual([]);
      }
    }
    const words = marker();
    const values = valid();
    const first = ids.find((id) => !id.endsWith(OTHER_SUFFIX) && id !== 'timeZone' && id !== 'caseRefPattern' && id !== 'aimTargetValue')!;
    const accepted = await bot.act(who, verb, data, { ...values, [first]: `${values[first]} ${words}` });
    expect(accepted[0]!.kind, json(accepted)).not.toBe('form_errors');
    kept.push(words);
  });

  it('the milestone Edit form refuses a planted reference with the kind', async () => {
    const asked = firstCard(await bot.say(MEMBER, 'C1077 accommodated 4 Oct 2026'));
    const edit = asked.buttons!.find((b) => b.label === 'Edit')!.action;
    const form = firstCard(await bot.act(MEMBER, edit.verb, edit.data as Record<string, string>));
    const [id] = freeTextIds(form);
    for (const planted of PLANTED) {
      expectRefused(await bot.act(MEMBER, form.form!.submit.verb, form.form!.submit.data as Record<string, string>, { [id!]: planted.text }), planted);
    }
  });
});

describe('afterwards', () => {
  it('no planted value is anywhere in the database, and every accepted text is', async () => {
    const stored = await everythingStored(bot.db);
    expect(secretsIn(stored)).toEqual([]);
    expect(kept.length).toBeGreaterThan(15);
    for (const words of kept) expect(stored, `${words} was accepted but is not stored`).toContain(words);
  });

  it('the logs name the kind refused, never the value', () => {
    expect(logLines.some((line) => line.includes('"identifier_refused"'))).toBe(true);
    expect(secretsIn(logLines.join('\n'))).toEqual([]);
  });
});
