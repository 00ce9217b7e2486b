import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { pressButton } from '../helpers/press-button.js';

const FILE = { name: 'tracker.csv', data: Buffer.from('Case ref,Accommodated,Perm rec\nC2001,03/02/2025,01/06/2025\nC2002,04/02/2025,\n', 'utf8') };

const press = (bot: TestBot, card: Card, label: string) => pressButton(bot, ADMIN, card, label);

/** The form among replies: "Change columns" answers with a card in the preview's place, then the form. */
function formOf(replies: Reply[]): Card {
  const found = replies.find((r) => r.kind === 'form');
  if (!found || found.kind !== 'form') throw new Error(`expected a form, got: ${JSON.stringify(replies)}`);
  return found.card;
}

/** "Change columns", then "Show the preview again" with every column as it was read. */
async function showAgain(bot: TestBot, preview: Card): Promise<Card> {
  const remap = formOf(await press(bot, preview, 'Change columns'));
  const values = Object.fromEntries(remap.form!.inputs.map((i) => [i.id, 'value' in i && typeof i.value === 'string' ? i.value : '']));
  return firstCard(await bot.act(ADMIN, remap.form!.submit.verb, remap.form!.submit.data ?? {}, values));
}

describe('an import keeps one number however often its columns change', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
    await bot.say(ADMIN, 'setup programme "Northvale PACE"');
  });
  afterAll(async () => bot?.drop());

  it('the area’s first import is #1 after "Change columns" twice, and `import undo 1` takes it back', async () => {
    const first = firstCard(await bot.send(ADMIN, [FILE]));
    const again = await showAgain(bot, first);
    const third = await showAgain(bot, again);
    const done = replyText(await press(bot, third, 'Confirm import'));
    expect(done).toMatch(/Wrong file\? `import undo 1` takes it back\./);
    expect(replyText(await bot.say(ADMIN, 'import undo'))).toMatch(/`import undo 1`:\n- #1 tracker\.csv/);
    expect(firstCard(await bot.say(ADMIN, 'import undo 1')).title).toBe('Undo import #1, tracker.csv?');
    // The case's history names the same number.
    expect(replyText(await bot.say(ADMIN, 'case C2001 history'))).toMatch(/import #1,/);
    // The replaced previews' buttons answer clearly and change nothing.
    expect(replyText(await press(bot, first, 'Confirm import'))).toMatch(/replaced by a newer one \(after \*?Change columns\*?\)/);
    expect(replyText(await press(bot, again, 'Confirm import'))).toMatch(/replaced by a newer one \(after \*?Change columns\*?\)/);
    // One import, one number: no replaced preview is left holding another.
    const imports = await bot.db.collection('tracker_imports').find({}, { projection: { number: 1, status: 1 } }).toArray();
    expect(imports.map((i) => [i.number, i.status])).toEqual([[1, 'applied']]);
    // The next file is #2.
    const next = firstCard(await bot.send(ADMIN, [{ name: 'next.csv', data: Buffer.from('Case ref,Accommodated\nC2003,05/02/2025\n') }]));
    expect(replyText(await press(bot, next, 'Confirm import'))).toMatch(/`import undo 2` takes it back/);
  });

  it('"Change columns" takes the preview’s place (its Confirm goes), keeping Cancel, and the form follows', async () => {
    const first = firstCard(await bot.send(ADMIN, [FILE]));
    const replies = await press(bot, first, 'Change columns');
    expect(replies.map((r) => r.kind)).toEqual(['card', 'form']);
    const [placeholder] = replies;
    expect(placeholder).toMatchObject({ kind: 'card', replaces: true });
    const card = firstCard(replies);
    expect(card.title).toBe('Changing the columns of tracker.csv');
    expect(replyText([placeholder!])).toMatch(/Show the preview again.*takes this one’s place and its number/s);
    expect(card.buttons?.map((b) => b.label)).toEqual(['Cancel']);
    expect(replyText(await press(bot, card, 'Cancel'))).toMatch(/Import cancelled/);
  });

  it('a preview confirmed meanwhile is not previewed again: "Show the preview again" answers that it was answered', async () => {
    const first = firstCard(await bot.send(ADMIN, [FILE]));
    const remap = formOf(await press(bot, first, 'Change columns'));
    await press(bot, first, 'Confirm import');
    const values = Object.fromEntries(remap.form!.inputs.map((i) => [i.id, 'value' in i && typeof i.value === 'string' ? i.value : '']));
    const late = await bot.act(ADMIN, remap.form!.submit.verb, remap.form!.submit.data ?? {}, values);
    expect(replyText(late)).toMatch(/already confirmed or cancelled/);
    expect(await bot.db.collection('tracker_imports').countDocuments({ status: 'preview' })).toBe(0);
  });

  it('a re-read the file refuses leaves the preview open, its file kept, and Confirm still imports it as #1', async () => {
    const first = firstCard(await bot.send(ADMIN, [FILE]));
    const remap = formOf(await press(bot, first, 'Change columns'));
    const values = Object.fromEntries(remap.form!.inputs.map((i) => [i.id, 'no_such_milestone']));
    const refused = replyText(await bot.act(ADMIN, remap.form!.submit.verb, remap.form!.submit.data ?? {}, values));
    expect(refused).toMatch(/“Accommodated” is mapped to/);
    // Sent again with the columns as they were: the kept file is read again, still #1.
    const fixed = Object.fromEntries(remap.form!.inputs.map((i) => [i.id, 'value' in i && typeof i.value === 'string' ? i.value : '']));
    const again = firstCard(await bot.act(ADMIN, remap.form!.submit.verb, remap.form!.submit.data ?? {}, fixed));
    expect(replyText(await press(bot, again, 'Confirm import'))).toMatch(/`import undo 1` takes it back/);
  });
});
