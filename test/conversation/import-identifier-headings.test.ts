import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestBot, firstCard, replyText, type TestBot } from '../helpers/test-bot.js';
import { everythingStored, namesKind, PLANTED, secretsIn } from '../helpers/planted-identifiers.js';

// A tracker's headings, sheet names and file name are kept in the preview and shown back, so one
// that holds an identifier's value refuses the file before anything of it is stored. A heading that
// only names a column ("DOB", "Child's name") is read as before.

const csv = (text: string, name = 'tracker.csv') => ({ name, data: Buffer.from(text, 'utf8') });

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Northvale PACE"');
});
afterAll(() => bot?.drop());

describe('a tracker whose headings hold an identifier', () => {
  it.each(PLANTED)('refuses a heading with $kind, naming the kind and keeping nothing', async (planted) => {
    const file = csv(`Case ref,Accommodated,Notes ${planted.text}\nN3001,08/01/2025,x\n`);
    const replies = await bot.send(ADMIN, [file]);
    expect(replyText(replies)).toContain(`A column heading ${namesKind(planted.kind)}`);
    expect(secretsIn(JSON.stringify(replies), [planted])).toEqual([]);
  });

  it('refuses a file whose name holds one', async () => {
    const replies = await bot.send(ADMIN, [csv('Case ref,Accommodated\nN3001,08/01/2025\n', 'Kayden Smith foster carer.csv')]);
    expect(replyText(replies)).toContain(`The file's name ${namesKind('person_name')}`);
  });

  it('stores no preview and none of the values', async () => {
    expect(await bot.db.collection('tracker_imports').countDocuments()).toBe(0);
    expect(secretsIn(await everythingStored(bot.db))).toEqual([]);
  });

  it('reads a file whose headings only name identifier columns', async () => {
    const file = csv("Case ref,Child's name,DOB,Postcode,Accommodated\nN3001,Amy Example,17/04/2014,EH1 1YZ,08/01/2025\n");
    const preview = firstCard(await bot.send(ADMIN, [file]));
    expect(preview.title).toBe('Import tracker.csv?');
  });
});
