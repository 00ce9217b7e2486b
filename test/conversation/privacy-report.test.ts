import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';
import { everything, fileReply, loadWorkbook, table } from '../helpers/workbook-text.js';
import { recordAndConfirm } from './milestones-helpers.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Report PACE"');
  await recordAndConfirm(bot, 'C8001 accommodated 3 Oct');
  await recordAndConfirm(bot, 'C8002 accommodated 4 Oct');
  await bot.say(ADMIN, 'case C8002 erase').then(async (asked) => {
    const card = asked.find((r) => r.kind === 'card');
    const erase = card && card.kind === 'card' ? card.card.buttons!.find((b) => b.id === 'erase')! : undefined;
    await bot.act(ADMIN, erase!.action.verb, erase!.action.data ?? {});
  });
  await bot.say(ADMIN, 'export');
});
afterAll(() => bot?.drop());

describe('privacy report', () => {
  it('is for admins only', async () => {
    for (const user of [MEMBER, LEAD, COACH]) {
      expect(replyText(await bot.say(user, 'privacy report'))).toMatch(/Only an admin can make the privacy report/);
    }
  });

  it('says what is held by field and count with no values, where, retention, erasures and exports, and roles', async () => {
    const file = fileReply(await bot.say(ADMIN, 'privacy report'));
    expect(file.fileName).toBe('pacebot-privacy-report-2026-11-19.xlsx');
    const workbook = await loadWorkbook(file.data);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['What is held', 'Where', 'Retention', 'Erasures and exports', 'Roles']);
    const held = table(workbook.getWorksheet('What is held')!);
    expect(held).toContainEqual(['cases', 'caseRef', 1]);
    expect(held).toContainEqual(['cases', 'milestones.*.actual', 1]);
    const shown = everything(workbook);
    // No value of any record: not the reference still held, not its date, not the programme's data.
    expect(shown).not.toMatch(/C8001|2026-10-03/);
    expect(table(workbook.getWorksheet('Retention')!)).toContainEqual(['Months kept after the order is granted', 12]);
    const acts = table(workbook.getWorksheet('Erasures and exports')!).slice(1);
    expect(acts.map((r) => [r[2], r[3]])).toEqual(expect.arrayContaining([['erase', '[erased]'], ['export', expect.any(String)]]));
    // In words, not the audit's raw JSON (a try-out showed a DPO {"caseDeleted":true,…}).
    const erased = acts.find((r) => r[2] === 'erase')!;
    expect(erased[4]).toMatch(/^Case record deleted; (records that named it rewritten: \d+ [a-z ]+(, \d+ [a-z ]+)*|no other record named it)$/);
    expect(table(workbook.getWorksheet('Roles')!)).toContainEqual([ADMIN.name, ADMIN.id, 'admin']);
    expect(await bot.db.collection('audit').countDocuments({ action: 'privacy_report' })).toBe(1);
  });
});
