import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHome } from '../../src/conversation/home.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

/**
 * A new area gives one of its own references at `setup` (FB-2041). Every hint the bot gives after
 * that uses it, never the default C1042, which the area's pattern would refuse.
 */
const WORKSPACE = 'T-FB';
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  const saved = await bot.act(ADMIN, 'setup.programme.save', {}, { name: 'Fernbank PACE', timeZone: 'Europe/London', caseRefPattern: 'FB-2041', ruleSet: 'ihi' });
  expect(replyText(saved)).toMatch(/saved/);
});
afterAll(async () => bot?.drop());

const csv = (text: string) => ({ name: 'tracker.csv', data: Buffer.from(text, 'utf8') });

describe('the example reference given at setup', () => {
  it('is kept on the programme only as its shape, never as typed: the reference given is likely a child\'s', async () => {
    const programme = await bot.db.collection('programmes').findOne({ workspaceId: WORKSPACE });
    expect(programme).toMatchObject({ caseRefPattern: '^[A-Za-z]{2}\\-\\d{3,8}$', caseRefExample: 'FB-1042' });
    expect(JSON.stringify(programme)).not.toContain('2041');
  });

  it('is the example when a milestone comes without a reference', async () => {
    const said = replyText(await bot.say(MEMBER, 'accommodated 3 Oct'));
    expect(said).toMatch(/couldn’t find a case reference.*for example “FB-1042 accommodated 3 Oct”/s);
    expect(said).not.toMatch(/C1042/);
  });

  it('is the example when a sentence is not understood', async () => {
    const said = replyText(await bot.say(MEMBER, 'what a day'));
    expect(said).toMatch(/didn't catch that.*\*FB-1042 accommodated 3 Oct\*/s);
    expect(said).not.toMatch(/C1042/);
  });

  it('is in the admin’s checklist and a member’s getting-started lines', async () => {
    const admin = replyText(await bot.say(ADMIN, 'help'));
    expect(admin).toMatch(/type them \(`FB-1042 accommodated 3 Oct`\)/);
    expect(admin).not.toMatch(/C1042/);
    const member = replyText(await bot.say(MEMBER, 'help'));
    expect(member).toMatch(/Record a date, in your own words: \*FB-1042 accommodated 3 Oct\*/);
    expect(member).not.toMatch(/C1042/);
  });

  it('is on the home page of someone with no entries yet', async () => {
    const cards = await buildHome({ workspaceId: WORKSPACE, user: { id: 'U-NEW', name: 'Nia New' } }, bot.deps);
    const entries = cards.find((c) => c.title === 'Your recent milestone entries')!;
    expect(entries.sections?.[0]?.text).toBe('None yet. Tell me a milestone, e.g. *FB-1042 accommodated 3 Oct*.');
  });

  it('is what `setup` shows in the field again, not a reference of another shape', async () => {
    const form = firstCard(await bot.say(ADMIN, 'setup'));
    const field = form.form!.inputs.find((i) => i.id === 'caseRefPattern');
    expect(field).toMatchObject({ value: 'FB-1042' });
  });

  it('is what a tracker row that does not fit is told to look like', async () => {
    const preview = replyText(await bot.send(ADMIN, [csv('Case ref,Accommodated\nC2001,03/10/2025\nFB-2002,03/10/2025\n')]));
    expect(preview).toMatch(/Row 2: the case reference does not look like FB-1042/);
    expect(preview).not.toMatch(/C2001|C1042/);
  });

  it('stays through a rename and a `setup programme` that does not change the pattern', async () => {
    await bot.say(ADMIN, 'setup programme "Fernbank PACE" rules anhoej');
    const renamed = firstCard(await bot.say(ADMIN, 'setup programme "Fernbank and Vale PACE"'));
    const rename = renamed.buttons!.find((b) => b.id === 'rename')!.action;
    expect(replyText(await bot.act(ADMIN, rename.verb, rename.data ?? {}))).toMatch(/renamed/);
    const programme = await bot.db.collection('programmes').findOne({ workspaceId: WORKSPACE });
    expect(programme).toMatchObject({ name: 'Fernbank and Vale PACE', ruleSet: 'anhoej', caseRefExample: 'FB-1042' });
  });

  it('is replaced by a new example, and dropped for a pattern it no longer fits', async () => {
    await bot.say(ADMIN, 'setup programme "Fernbank and Vale PACE" pattern fv/3001');
    let programme = await bot.db.collection('programmes').findOne({ workspaceId: WORKSPACE });
    expect(programme).toMatchObject({ caseRefExample: 'FV/1042' });
    await bot.say(ADMIN, 'setup programme "Fernbank and Vale PACE" pattern ^Q\\d{5}$');
    programme = await bot.db.collection('programmes').findOne({ workspaceId: WORKSPACE });
    expect(programme!.caseRefPattern).toBe('^Q\\d{5}$');
    expect(programme!.caseRefExample).toBeUndefined();
  });
});

describe('a programme set up without an example', () => {
  it('keeps C1042 as the example, which fits the default pattern', async () => {
    const other = await createTestBot({ workspaceId: 'T-DEFAULT' });
    try {
      await other.say(ADMIN, 'setup programme "Northshire PACE"');
      expect(replyText(await other.say(MEMBER, 'accommodated 3 Oct'))).toMatch(/for example “C1042 accommodated 3 Oct”/);
      expect(replyText(await other.say(MEMBER, 'what a day'))).toMatch(/\*C1042 accommodated 3 Oct\*/);
      const preview = replyText(await other.send(ADMIN, [csv('Case ref,Accommodated\n20417,03/10/2025\nC2002,03/10/2025\n')]));
      expect(preview).toMatch(/Row 2: the case reference does not look like C1042/);
    } finally {
      await other.drop();
    }
  });
});

describe('a made-up example that is a real child', () => {
  it('takes other digits: no hint ever names a child the area holds', async () => {
    const other = await createTestBot({ now: '2026-11-19T10:00:00Z', workspaceId: 'T-HELD' });
    try {
      await other.say(ADMIN, 'setup programme "Heldton PACE" pattern FB-2041');
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-HELD' }))?.caseRefExample).toBe('FB-1042');
      await recordAndConfirm(other, 'FB-1042 accommodated 1 Jan 2026', ADMIN);
      await other.say(ADMIN, 'setup programme "Heldton PACE" pattern FB-2041');
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-HELD' }))?.caseRefExample).toBe('FB-2024');
    } finally {
      await other.drop();
    }
  });
});

describe('the setup form for a new programme', () => {
  it('leaves the example empty (a grey hint, not a value): saved untouched it gave the area a one-letter pattern that would refuse NS-1042 or AB1234', async () => {
    const other = await createTestBot({ workspaceId: 'T-FORM-NEW', now: '2026-11-19T10:00:00Z' });
    try {
      const form = firstCard(await other.say(ADMIN, 'setup'));
      const field = form.form!.inputs.find((i) => i.id === 'caseRefPattern')!;
      expect(field).toMatchObject({ placeholder: 'e.g. NS-1042 or C1042' });
      expect((field as { value?: unknown }).value).toBeUndefined();
      expect(field).not.toMatchObject({ required: true });
      // Saved with the field empty: the default pattern, no example kept, and references of every usual shape are taken.
      expect(replyText(await other.act(ADMIN, 'setup.programme.save', {}, { name: 'Newfield PACE', timeZone: 'Europe/London', caseRefPattern: '', ruleSet: 'ihi' }))).toMatch(/saved/);
      const programme = await other.db.collection('programmes').findOne({ workspaceId: 'T-FORM-NEW' });
      expect(programme?.caseRefPattern).toBe('^[A-Za-z]{1,3}[-/_.]?\\d{3,8}$');
      expect(programme).not.toHaveProperty('caseRefExample');
      await recordAndConfirm(other, 'NS-3001 accommodated 3 Oct', ADMIN);
      expect(await other.db.collection('cases').countDocuments({ workspaceId: 'T-FORM-NEW', caseRef: 'NS-3001' })).toBe(1);
    } finally {
      await other.drop();
    }
  });
});

describe('the settings form saved again untouched', () => {
  it('keeps the pattern: the example shown was saved as a new, narrower pattern, refusing AB3002, a child the area holds (review)', async () => {
    const other = await createTestBot({ workspaceId: 'T-FORM-AGAIN', now: '2026-11-19T10:00:00Z' });
    try {
      await other.say(ADMIN, 'setup programme "Againvale PACE"');
      await recordAndConfirm(other, 'AB3002 accommodated 3 Oct', ADMIN);
      const form = firstCard(await other.say(ADMIN, 'setup'));
      // On the default pattern the field is empty (empty is the default), so nothing narrower can be saved from it.
      const values = Object.fromEntries(form.form!.inputs.map((i) => [i.id, String((i as { value?: unknown }).value ?? '')]));
      expect(values.caseRefPattern).toBe('');
      expect(replyText(await other.act(ADMIN, 'setup.programme.save', {}, { ...values, timeZone: 'Europe/Paris' }))).toMatch(/saved/);
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-FORM-AGAIN' }))?.caseRefPattern).toBe('^[A-Za-z]{1,3}[-/_.]?\\d{3,8}$');
      expect(replyText(await other.say(ADMIN, 'case AB3002'))).not.toMatch(/Please give a case reference/);

      // A custom pattern shows its example; saved unchanged, the pattern stays as it was.
      await other.say(ADMIN, 'setup programme "Againvale PACE" pattern ^[A-Za-z]{2,3}\\d{4}$');
      const again = firstCard(await other.say(ADMIN, 'setup'));
      const shown = Object.fromEntries(again.form!.inputs.map((i) => [i.id, String((i as { value?: unknown }).value ?? '')]));
      expect(shown.caseRefPattern).not.toBe('');
      expect(replyText(await other.act(ADMIN, 'setup.programme.save', {}, shown))).toMatch(/saved/);
      expect((await other.db.collection('programmes').findOne({ workspaceId: 'T-FORM-AGAIN' }))?.caseRefPattern).toBe('^[A-Za-z]{2,3}\\d{4}$');
    } finally {
      await other.drop();
    }
  });
});
