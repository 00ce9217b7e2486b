import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { LIST_LINES } from '../../src/programme/alerts/drift-lines.js';
import { createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';

// A phone try-out on the demo: `overdue` ended "…and 7 more" and `waiting at first LAC review`
// "…and 15 more", with no way to see who they were. `alerts` names every child, LIST_LINES to a
// message; these lists now do the same.
const NOW = '2026-12-06T10:00:00Z';
const ADMIN = { id: 'demo-admin', name: 'Ailsa Grant' };
const LEAD = { id: 'demo-lead', name: 'Fiona MacLeod' };
let bot: TestBot;

beforeAll(async () => {
  bot = await createTestBot({ now: NOW, workspaceId: LOCAL_WORKSPACE_ID });
  await loadDemo(bot.db, LOCAL_WORKSPACE_ID, { now: new Date(NOW) });
}, 60_000);
afterAll(() => bot?.drop());

/** The case references a message names, in order. */
const named = (message: string) => [...message.matchAll(/^- (C\d{4}):/gm)].map((m) => m[1]!);
const messagesOf = async (user: typeof LEAD, said: string, kind: 'direct' | 'channel' = 'direct') =>
  (await bot.say(user, said, { kind })).map((r) => replyText([r]));

describe('`overdue` names every child, in messages of at most LIST_LINES', () => {
  it('gives the lead all 33 past 30 weeks over three messages, longest first, each headed with its place', async () => {
    const messages = await messagesOf(LEAD, 'overdue');
    const all = messages.join('\n');
    expect(all).toMatch(/: 33 past 30 weeks without permanence recommendation/);
    expect(all).not.toMatch(/…and \d+ more/);
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(named(message).length).toBeLessThanOrEqual(LIST_LINES);
    const children = messages.flatMap(named);
    expect(children).toHaveLength(33);
    expect(new Set(children).size).toBe(33);
    expect(children[0]).toBe('C1035');
    expect(children.at(-1)).toBe('C1129');
    expect(messages[0]!.split('\n')[0]).toMatch(/33 past 30 weeks .*\(1–15 of 33\)$/);
    expect(messages[1]!.split('\n')[0]).toBe('*Accommodation to permanence recommendation*, continued (16–30 of 33)');
    expect(messages[2]!.split('\n')[0]).toBe('*Accommodation to permanence recommendation*, continued (31–33 of 33)');
  });

  it('keeps an admin’s short sections together with the first names', async () => {
    const messages = await messagesOf(ADMIN, 'overdue');
    expect(messages[0]).toMatch(/nobody past 2 weeks without first LAC review/);
    expect(messages.flatMap(named)).toHaveLength(33);
    expect(messages.join('\n')).not.toMatch(/…and \d+ more/);
  });

  it('still counts only in a channel, in one message', async () => {
    const messages = await messagesOf(LEAD, 'overdue', 'channel');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/33 past 30 weeks/);
    expect(messages[0]).not.toMatch(/C1\d{3}/);
  });
});

describe('`waiting at` names every child', () => {
  it('lists all 40 at first LAC review, with nothing left as "…and 15 more"', async () => {
    const said = (await messagesOf(ADMIN, 'waiting at first LAC review')).join('\n');
    expect(said).toMatch(/Waiting at first LAC review\*: 40 children, longest first/);
    expect(said).not.toMatch(/…and \d+ more/);
    const children = named(said);
    expect(children).toHaveLength(40);
    expect(new Set(children).size).toBe(40);
    expect(said).toMatch(/^\*Waiting at first LAC review\*, continued \(16–30 of 40\)$/m);
  });
});
