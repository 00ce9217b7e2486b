import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

// An area on the default pattern, with no example given at setup, whose children are N3001…: every
// hint said C1042 (a try-out after importing its tracker). Hints take the shape its references share.
let bot: TestBot;
const say = async (user: typeof ADMIN, text: string) => replyText(await bot.say(user, text));
const exampleOf = async (b: TestBot, workspaceId: string) => (await b.db.collection('programmes').findOne({ workspaceId }))?.caseRefExample;

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-N-SHAPE', now: '2026-11-19T10:00:00Z' });
  await say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(async () => bot?.drop());

describe('hints in an area whose references look like N3001, with no example given at setup', () => {
  it('say C1042 until three children share a shape, then a made-up reference in it', async () => {
    expect(await say(ADMIN, 'hello')).toMatch(/e\.g\. \*C1042 accommodated 3 Oct\*/);
    await recordAndConfirm(bot, 'N3001 accommodated 3 Oct');
    await recordAndConfirm(bot, 'N3002 accommodated 3 Oct');
    expect(await exampleOf(bot, 'T-N-SHAPE')).toBeUndefined();
    await recordAndConfirm(bot, 'N3003 accommodated 3 Oct');
    const home = await say(ADMIN, 'hello');
    expect(home).toMatch(/e\.g\. \*N1042 accommodated 3 Oct\*/);
    expect(home).not.toMatch(/C1042|N300\d/);
  });
});

describe('the shape kept once the area holds children', () => {
  it('is the programme’s example (made up, never a child’s own reference), so replies read without the store use it too', async () => {
    const programme = await bot.db.collection('programmes').findOne({ workspaceId: 'T-N-SHAPE' });
    expect(programme?.caseRefExample).toBe('N1042');
    expect(JSON.stringify(programme)).not.toMatch(/N300\d/);
    for (const said of ['case', 'accommodated 3 Oct', 'what a day']) {
      const reply = await say(ADMIN, said);
      expect(reply, said).toMatch(/N1042/);
      expect(reply, said).not.toMatch(/C1042/);
    }
  });

  it('is audited as a change to the programme, with the change that led to it', async () => {
    const entry = await bot.db.collection('audit').findOne({ workspaceId: 'T-N-SHAPE', entity: 'programme', action: 'case_ref_example' });
    expect(entry).toMatchObject({ before: { caseRefExample: null }, after: { caseRefExample: 'N1042' }, actor: { userId: MEMBER.id } });
  });

  it('moves to other digits when a child comes to hold it, so a hint never names that child (review)', async () => {
    await recordAndConfirm(bot, 'N1042 accommodated 3 Oct');
    expect(await exampleOf(bot, 'T-N-SHAPE')).toBe('N2024');
    expect(await say(ADMIN, 'case')).toMatch(/`case N2024`/);
    expect(await bot.db.collection('audit').countDocuments({ workspaceId: 'T-N-SHAPE', action: 'case_ref_example' })).toBe(2);
  });

  it('comes from an imported tracker too, and a later tracker’s refusal shows it', async () => {
    const other = await createTestBot({ workspaceId: 'T-N-IMPORT', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Northvale PACE"');
      const tracker = { name: 'tracker.csv', data: Buffer.from('Case ref,Accommodated\nN3001,03/02/2025\nN3002,04/02/2025\nN3003,05/02/2025\n', 'utf8') };
      const confirm = firstCard(await other.send(ADMIN, [tracker])).buttons!.find((b) => b.id === 'confirm')!.action;
      await other.act(ADMIN, confirm.verb, confirm.data ?? {});
      expect(await exampleOf(other, 'T-N-IMPORT')).toBe('N1042');
      expect(replyText(await other.say(ADMIN, 'case'))).toMatch(/`case N1042`/);
      const second = replyText(await other.send(ADMIN, [{ name: 'more.csv', data: Buffer.from('Case ref,Accommodated\n20417,03/10/2025\nN3004,03/10/2025\n', 'utf8') }]));
      expect(second).toMatch(/Row 2: the case reference does not look like N1042/);
    } finally {
      await other.drop();
    }
  });

  it('follows the shape most references share: one typed another way before the tracker came in does not keep C1042 (phone re-check)', async () => {
    const other = await createTestBot({ workspaceId: 'T-N-MOSTLY', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Mostlyvale PACE"');
      await recordAndConfirm(other, 'AB3002 accommodated 3 Oct', ADMIN);
      const tracker = { name: 'tracker.csv', data: Buffer.from('Case ref,Accommodated\nN3001,03/02/2025\nN3002,04/02/2025\nN3003,05/02/2025\nN3004,06/02/2025\n', 'utf8') };
      const confirm = firstCard(await other.send(ADMIN, [tracker])).buttons!.find((b) => b.id === 'confirm')!.action;
      await other.act(ADMIN, confirm.verb, confirm.data ?? {});
      expect(await exampleOf(other, 'T-N-MOSTLY')).toBe('N1042');
    } finally {
      await other.drop();
    }
  });

  it('is not kept when the letters differ from child to child: they may be initials', async () => {
    const other = await createTestBot({ workspaceId: 'T-INITIALS', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Initialvale PACE"');
      for (const ref of ['JS0102', 'AB0203', 'KL0304']) await recordAndConfirm(other, `${ref} accommodated 3 Oct`, ADMIN);
      expect(await exampleOf(other, 'T-INITIALS')).toBeUndefined();
      // The hints, not the admin's own recent entries on the home page.
      const hints = replyText(await other.say(ADMIN, 'case')) + replyText(await other.say(ADMIN, 'what a day'));
      expect(hints).toMatch(/C1042/);
      expect(hints).not.toMatch(/\b(JS|AB|KL)\d/);
    } finally {
      await other.drop();
    }
  });

  it('setup’s own example is left alone while no child holds it', async () => {
    const other = await createTestBot({ workspaceId: 'T-N-SETUP', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Setupvale PACE" pattern FB-2041');
      for (const ref of ['FB-3001', 'FB-3002', 'FB-3003']) await recordAndConfirm(other, `${ref} accommodated 3 Oct`, ADMIN);
      expect(await exampleOf(other, 'T-N-SETUP')).toBe('FB-1042');
      await recordAndConfirm(other, 'FB-1042 accommodated 3 Oct', ADMIN);
      expect(await exampleOf(other, 'T-N-SETUP')).toBe('FB-2024');
    } finally {
      await other.drop();
    }
  });
});
