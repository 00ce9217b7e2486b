import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

let bot: TestBot;
const WS = 'T-TEST';
const programme = () => bot.db.collection('programmes').findOne({ workspaceId: WS });
const renames = () => bot.db.collection('audit').countDocuments({ workspaceId: WS, entity: 'programme', action: 'update' });

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  expect(replyText(await bot.say(ADMIN, 'setup programme "People PACE"'))).toMatch(/Next: `group new`/);
  await bot.say(ADMIN, 'group add "Early permanence"');
});
afterAll(() => bot?.drop());

describe('setup programme when there is one already', () => {
  it('asks on a card before renaming, and renames (audited) only when confirmed', async () => {
    const replies = await bot.say(ADMIN, 'setup programme "Another area"');
    const asked = firstCard(replies);
    expect(asked.title).toBe('Rename the programme from People PACE to Another area?');
    expect(replyText(replies)).not.toMatch(/group new/);
    expect((await programme())!.name).toBe('People PACE');
    expect(await renames()).toBe(0);

    const keep = asked.buttons!.find((b) => b.id === 'keep')!;
    expect(replyText(await bot.act(ADMIN, keep.action.verb, keep.action.data))).toMatch(/still called \*People PACE\*/);
    expect((await programme())!.name).toBe('People PACE');

    const rename = asked.buttons!.find((b) => b.id === 'rename')!;
    const done = replyText(await bot.act(ADMIN, rename.action.verb, rename.action.data));
    expect(done).toMatch(/now called \*Another area\*/);
    expect(done).not.toMatch(/group new/);
    expect((await programme())!.name).toBe('Another area');
    expect(await renames()).toBe(1);
    // The same card pressed again no longer matches what the programme is called: nothing changes.
    expect(replyText(await bot.act(ADMIN, rename.action.verb, rename.action.data))).toMatch(/nothing changed/);
    expect(await renames()).toBe(1);
  });

  it('the same name with other settings saves at once, without suggesting starting over', async () => {
    const said = replyText(await bot.say(ADMIN, 'setup programme tz Europe/Dublin'));
    expect(said).toMatch(/Programme \*Another area\* saved: time zone Europe\/Dublin/);
    expect(said).not.toMatch(/group new/);
  });
});

describe('group words', () => {
  it('a group name of several words without quotes says how to write it, echoing the words once', async () => {
    const said = replyText(await bot.say(ADMIN, 'group Early permanence link'));
    expect(said).toMatch(/^I can't do `group Early permanence`\./);
    expect(said.match(/Early permanence/g)).toHaveLength(2); // the echo once, and the quoted example
    expect(said).toMatch(/`group "Early permanence" link`/);
    expect(said).not.toMatch(/early-permanence permanence/);
  });

  it('linking a channel is confirmed on a card titled Channel', async () => {
    const replies = await bot.say(ADMIN, 'group early-permanence link', { kind: 'channel' });
    expect(firstCard(replies).title).toBe('Channel');
    expect(replyText(replies)).toMatch(/This channel is now \*Early permanence\*'s channel/);
  });
});

describe('the rename button', () => {
  it('checks the name it carries for identifiers, as typed words are', async () => {
    const name = (await programme())!.name as string;
    const said = replyText(await bot.act(ADMIN, 'setup.programme.rename', { from: name, name: 'Area of jamie.smith@gmail.com' }));
    expect(said).toMatch(/looks like/);
    expect(said).not.toContain('jamie.smith');
    expect((await programme())!.name).toBe(name);
  });
});
