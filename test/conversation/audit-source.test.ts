import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, createTestBot, firstCard, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';

// The audit keeps what the bot understood (the change's before and after), never the message: a
// person's extra words ("visiting Zebedee in Fife") must not reach the audit or a pending question.

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
  await bot.say(ADMIN, 'setup programme "Northshire PACE"');
  await bot.say(COACH, 'whoami');
  await bot.say(ADMIN, 'coach add Cora');
  await bot.say(COACH, 'measure new "Template use" unit % better up');
});
afterAll(() => bot?.drop());

const EXTRA = ['Zebedee', 'Fife', 'visiting', 'covering'];
const dump = async (name: string) => JSON.stringify(await bot.db.collection(name).find({}).toArray());
const audit = () => bot.db.collection('audit').find({}).toArray();

describe('a change typed with words beyond it', () => {
  it('audits the date understood, with the event as its source and not the message', async () => {
    expect(replyText(await bot.say(MEMBER, 'away until 20 Dec 2026 visiting Zebedee in Fife'))).toMatch(/Away until Sun 20 Dec 2026/);
    expect(replyText(await bot.say(MEMBER, 'away 2 weeks, Zebedee is covering'))).toMatch(/Away until/);
    const entries = (await audit()).filter((e) => e.entity === 'member' && e.action === 'away');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ after: { awayUntil: new Date('2026-12-20T00:00:00Z') } });
    for (const entry of entries) expect(entry.source).toEqual({ platform: 'web', eventId: expect.stringMatching(/^evt-/) });
  });

  it('keeps a question waiting for an answer with its event only', async () => {
    await bot.say(MEMBER, 'template use for Oct 2026 was 64%');
    const asked = await bot.say(MEMBER, 'template use for Oct 2026 was 70%');
    expect(replyText(asked)).toMatch(/already has a value/);
    const question = await bot.db.collection('pending_actions').findOne({ kind: 'measure.overwrite' });
    expect(question!.source).toEqual({ platform: 'web', eventId: expect.stringMatching(/^evt-/) });
  });

  it('keeps what it understood of a milestone, not the name beside it', async () => {
    const asked = firstCard(await bot.say(MEMBER, 'Zebedee (C1042) came into care on 3 Oct 2026'));
    const question = await bot.db.collection('pending_actions').findOne({ kind: 'milestone.records' });
    expect(question!.source.text).toMatch(/^C1042 accommodated 2026-10-03$/);
    const confirm = asked.buttons!.find((b) => b.label === 'Confirm')!.action;
    await bot.act(MEMBER, confirm.verb, confirm.data as Record<string, string>);
  });

  it('leaves none of the extra words in the audit or the pending questions', async () => {
    const kept = `${await dump('audit')}\n${await dump('pending_actions')}`;
    for (const word of EXTRA) expect(kept).not.toContain(word);
    // Every entry's source is the event (and, for a milestone, what was understood), nothing else.
    for (const entry of await audit()) {
      const { platform, eventId, text, ...rest } = entry.source;
      expect(rest).toEqual({});
      expect(typeof platform === 'string' && typeof eventId === 'string').toBe(true);
      if (text !== undefined) expect(entry.entity).toBe('case');
    }
  });
});
