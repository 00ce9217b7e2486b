import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

// An area on the default pattern, with no example given at setup, whose children are N3001…: every
// hint said C1042 (a try-out after importing its tracker). Hints take the shape of what it holds.
let bot: TestBot;
const say = async (user: typeof ADMIN, text: string) => replyText(await bot.say(user, text));

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: 'T-N-SHAPE', now: '2026-11-19T10:00:00Z' });
  await say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(async () => bot?.drop());

describe('hints in an area whose references look like N3001, with no example given at setup', () => {
  it('say C1042 before any child is held, then a made-up reference in the area’s own shape', async () => {
    expect(await say(ADMIN, 'hello')).toMatch(/e\.g\. \*C1042 accommodated 3 Oct\*/);
    await recordAndConfirm(bot, 'N3001 accommodated 3 Oct');
    const home = await say(ADMIN, 'hello');
    expect(home).toMatch(/e\.g\. \*N1042 accommodated 3 Oct\*/);
    expect(home).not.toMatch(/C1042|N3001/);
  });
});

describe('the shape kept once the area holds a child', () => {
  it('is the programme’s example (made up, never the child’s own reference), so replies read without the store use it too', async () => {
    const programme = await bot.db.collection('programmes').findOne({ workspaceId: 'T-N-SHAPE' });
    expect(programme?.caseRefExample).toBe('N1042');
    expect(JSON.stringify(programme)).not.toContain('N3001');
    for (const said of ['case', 'accommodated 3 Oct', 'what a day']) {
      const reply = await say(ADMIN, said);
      expect(reply, said).toMatch(/N1042/);
      expect(reply, said).not.toMatch(/C1042/);
    }
  });

  it('comes from an imported tracker too, and a later tracker’s refusal shows it', async () => {
    const other = await createTestBot({ workspaceId: 'T-N-IMPORT', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Northvale PACE"');
      const tracker = { name: 'tracker.csv', data: Buffer.from('Case ref,Accommodated\nN3001,03/02/2025\nN3002,04/02/2025\n', 'utf8') };
      const preview = firstCard(await other.send(ADMIN, [tracker]));
      await other.act(ADMIN, preview.buttons!.find((b) => b.id === 'confirm')!.action.verb, preview.buttons!.find((b) => b.id === 'confirm')!.action.data ?? {});
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-N-IMPORT' }))?.caseRefExample).toBe('N1042');
      expect(replyText(await other.say(ADMIN, 'case'))).toMatch(/`case N1042`/);
      const second = replyText(await other.send(ADMIN, [{ name: 'more.csv', data: Buffer.from('Case ref,Accommodated\n20417,03/10/2025\nN3003,03/10/2025\n', 'utf8') }]));
      expect(second).toMatch(/Row 2: the case reference does not look like N1042/);
    } finally {
      await other.drop();
    }
  });

  it('is never one a child holds, and setup’s own example is left alone', async () => {
    const other = await createTestBot({ workspaceId: 'T-N-TAKEN', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Takenvale PACE"');
      // The area's first child is N1042 itself: the example takes other digits.
      await recordAndConfirm(other, 'N1042 accommodated 3 Oct', ADMIN);
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-N-TAKEN' }))?.caseRefExample).toBe('N2024');
      await other.say(ADMIN, 'setup programme "Takenvale PACE" pattern FB-2041');
      await recordAndConfirm(other, 'FB-3001 accommodated 3 Oct', ADMIN);
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-N-TAKEN' }))?.caseRefExample).toBe('FB-1042');
    } finally {
      await other.drop();
    }
  });
});
