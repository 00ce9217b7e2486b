import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { pressButton } from '../helpers/press-button.js';

const csv = (text: string, name = 'tracker.csv') => ({ name, data: Buffer.from(text, 'utf8') });
const FIRST = csv('Case ref,Accommodated,First LAC review\nC2001,03/02/2025,20/02/2025\nC2002,04/02/2025,21/02/2025\n');
// The wrong file: it moves C2001's dates and starts C2003.
const WRONG = csv('Case ref,Accommodated,First LAC review\nC2001,13/02/2025,27/02/2025\nC2003,05/02/2025,\nC2002,04/02/2025,21/02/2025\n', 'old-tracker.csv');

const press = (bot: TestBot, card: Card, label: string) => pressButton(bot, ADMIN, card, label);

async function importFile(bot: TestBot, file: { name: string; data: Buffer }) {
  const done = await press(bot, firstCard(await bot.send(ADMIN, [file])), 'confirm');
  return replyText(done);
}

const datesOf = async (bot: TestBot, caseRef: string) =>
  (await bot.db.collection('cases').findOne({ caseRef }))?.milestones as Record<string, { actual?: string }> | undefined;

describe('taking a confirmed import back (`import undo`)', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
    await bot.say(ADMIN, 'setup programme "Northvale PACE"');
  });
  afterAll(async () => bot?.drop());

  it('puts back the dates each case had before the import, empties the cases it started, and says how', async () => {
    await importFile(bot, FIRST);
    const second = await importFile(bot, WRONG);
    expect(second).toMatch(/Wrong file\? `import undo 2` takes it back\./);
    expect((await datesOf(bot, 'C2001'))?.accommodated?.actual).toBe('2025-02-13');

    const listed = replyText(await bot.say(ADMIN, 'import undo'));
    expect(listed).toMatch(/Which import\? Say its number, e\.g\. `import undo 2`/);
    expect(listed).toMatch(/#2 old-tracker\.csv, 19 November 2026\n- #1 tracker\.csv/);

    const card = firstCard(await bot.say(ADMIN, 'import undo 2'));
    expect(card.title).toBe('Undo import #2, old-tracker.csv?');
    // C2002 was in the file with the dates it already had: the import did not change it.
    expect(replyText([{ kind: 'card', card }])).toMatch(
      // Short sentences for a phone (a try-out found "is left with no dates and out of every list; …" hard going).
      /1 case goes back to the dates it had before it\. 1 case this import started loses its dates and leaves every list\. Its reference stays until erased \(`case <case> erase`\)\./,
    );
    expect(await bot.db.collection('cases').countDocuments({ 'lastChange.key': 'import-2' })).toBe(2);
    // The file had no team column: nothing about teams (a try-out found "Teams the import set stay as they are" on every card).
    expect(replyText([{ kind: 'card', card }])).not.toMatch(/[Tt]eam/);
    // A way to say no, which changes nothing (a try-out: the card had only the danger button).
    expect(replyText(await press(bot, card, 'Keep it'))).toMatch(/Import kept[\s\S]*Nothing changed/);
    expect(await bot.db.collection('cases').countDocuments({ 'lastChange.key': 'import-2' })).toBe(2);

    const done = replyText(await press(bot, card, 'Undo import #2'));
    expect(done).toMatch(/Import #2 undone\s+2 cases went back to the dates they had before old-tracker\.csv\./);
    expect(await datesOf(bot, 'C2001')).toEqual({ accommodated: { actual: '2025-02-03' }, first_lac_review: { actual: '2025-02-20' } });
    expect(await datesOf(bot, 'C2003')).toEqual({});
    expect((await datesOf(bot, 'C2002'))?.accommodated?.actual).toBe('2025-02-04');
    // Each case's undo is audited as an undo of the import's entry, and the import is marked.
    const undo = await bot.db.collection('audit').findOne({ entity: 'case', entityId: 'C2001', action: 'undo' });
    const imported = await bot.db.collection('audit').findOne({ entity: 'case', entityId: 'C2001', changeKey: 'import-2' });
    expect(undo?.after.undoes).toBe(imported?._id.toHexString());
    expect(await bot.db.collection('audit').countDocuments({ action: 'import_undo', entityId: 'import-2' })).toBe(1);
    expect((await bot.db.collection('tracker_imports').findOne({ number: 2 }))?.status).toBe('undone');
    // The case's history shows the import's change and its undo, one after the other.
    const history = replyText(await bot.say(ADMIN, 'case C2001 history'));
    expect(history).toMatch(/Alex Admin undid a change: Accommodated Thu 13 Feb 2025 → Mon 3 Feb 2025/);
    expect(history).toMatch(/imported \(import #2, by Alex Admin\): Accommodated Mon 3 Feb 2025 → Thu 13 Feb 2025/);

    // Pressed again, or asked again: nothing more happens, and it says why.
    expect(replyText(await press(bot, card, 'Undo import #2'))).toMatch(/^Import #2 was already undone\./);
    expect(replyText(await bot.say(ADMIN, 'import undo 2'))).toMatch(/^Import #2 was already undone\.\nWhich import\? Say its number, e\.g\. `import undo 1`:\n- #1 tracker\.csv/);
    // With a team column, the import's team changes share its moment: \`undo\` still points to the import.
    await importFile(bot, csv('Case ref,Accommodated,Team\nC2101,03/02/2025,North\n', 'teams.csv'));
    expect(replyText(await bot.say(ADMIN, 'undo'))).toMatch(/Your last change was import #3 \(teams\.csv\), which `undo` does not take back: `import undo 3` does\./);
    const withTeams = firstCard(await bot.say(ADMIN, 'import undo 3'));
    expect(replyText([{ kind: 'card', card: withTeams }])).toMatch(/Teams the import set stay as they are\./);
    await press(bot, withTeams, 'Undo import #3');
    await press(bot, firstCard(await bot.say(ADMIN, 'import undo 1')), 'Undo import #1');
    expect(replyText(await bot.say(ADMIN, 'import undo'))).toBe('No import is left to undo: each confirmed import has been taken back already.');
  });

  it("leaves a case someone changed after the import, naming it, and takes back only the rest", async () => {
    await importFile(bot, WRONG);
    // A colleague corrects C2001 after the import (a correction is confirmed first).
    await press(bot, firstCard(await bot.say(ADMIN, 'C2001 first LAC review 28 February 2025')), 'Confirm');
    const card = firstCard(await bot.say(ADMIN, 'import undo 1'));
    const words = replyText([{ kind: 'card', card }]);
    // Both cases still as the import left it were new with it: none goes back to earlier dates.
    expect(words).toMatch(/2 cases this import started lose their dates and leave every list\. Their references stay until erased/);
    expect(words).not.toMatch(/go(es)? back to the dates/);
    expect(words).toMatch(/1 case changed since is left as it is: C2001\./);
    // It names and counts children, so it is for a direct message only.
    const inChannel = replyText(await bot.say(ADMIN, 'import undo 1', { kind: 'channel' }));
    expect(inChannel).toMatch(/Please ask me that in a direct message/);
    expect(inChannel).not.toMatch(/C200\d|case changed since/);
    await press(bot, card, 'Undo import #1');
    expect((await datesOf(bot, 'C2001'))?.first_lac_review?.actual).toBe('2025-02-28');
    expect(await datesOf(bot, 'C2002')).toEqual({});
  });

  it('is what `undo` points to when an import was your last change', async () => {
    await importFile(bot, FIRST);
    expect(replyText(await bot.say(ADMIN, 'undo'))).toMatch(
      /Your last change was import #1 \(tracker\.csv\), which `undo` does not take back: `import undo 1` does\./,
    );
    await press(bot, firstCard(await bot.say(ADMIN, 'import undo 1')), 'Undo import #1');
    expect(replyText(await bot.say(ADMIN, 'undo'))).not.toMatch(/import undo/);
  });

  it('does not hide an older change `undo` cannot take back behind an import already undone', async () => {
    await bot.say(ADMIN, 'C2009 team North');
    bot.setNow('2026-11-19T10:05:00Z');
    await importFile(bot, FIRST);
    bot.setNow('2026-11-19T10:10:00Z');
    await press(bot, firstCard(await bot.say(ADMIN, 'import undo 1')), 'Undo import #1');
    expect(replyText(await bot.say(ADMIN, 'undo'))).toMatch(/Your last change was C2009's team/);
  });

  it('is for admins, and answers a wrong number plainly, typed or from a tampered button', async () => {
    await importFile(bot, FIRST);
    for (const number of ['abc', -1, 1.5, null, true]) {
      expect(replyText(await bot.act(ADMIN, 'import.undo', { number }))).toMatch(/That button has expired/);
    }
    expect(replyText(await bot.act(ADMIN, 'import.undo', { number: 9 }))).toMatch(/^There is no confirmed import #9 to undo\./);
    expect(replyText(await bot.say(MEMBER, 'import undo 1'))).toMatch(/admin/i);
    // A number that is no import: which ones can be taken back, there and then.
    expect(replyText(await bot.say(ADMIN, 'import undo 7'))).toMatch(/^There is no import #7\.\nWhich import\? Say its number, e\.g\. `import undo 1`:\n- #1 tracker\.csv/);
    expect(replyText(await bot.say(ADMIN, 'import undo the last one'))).toMatch(/Say the import's number, e\.g\. `import undo 3`/);
    expect(await bot.db.collection('cases').countDocuments({ 'lastChange.key': 'import-1' })).toBe(2);
  });
});

describe('`import undo` with the number of an import that was never confirmed', () => {
  it('says so, and lists those that can be taken back (a try-out: a cancelled preview made the first import #2, and `import undo 1` only said "no confirmed import")', async () => {
    const bot = await createTestBot({ now: '2026-11-19T10:00:00Z', workspaceId: 'T-UNDO-CANCELLED' });
    try {
      await bot.say(ADMIN, 'setup programme "Northvale PACE"');
      await press(bot, firstCard(await bot.send(ADMIN, [FIRST])), 'cancel');
      expect(await importFile(bot, FIRST)).toMatch(/`import undo 2` takes it back/);
      expect(replyText(await bot.say(ADMIN, 'import undo 1'))).toBe(
        'Import #1 was cancelled at its preview, so it changed nothing.\nWhich import? Say its number, e.g. `import undo 2`:\n- #2 tracker.csv, 19 November 2026',
      );
      await bot.send(ADMIN, [csv('Case ref,Accommodated\nC2005,03/02/2025\n', 'later.csv')]);
      expect(replyText(await bot.say(ADMIN, 'import undo 3'))).toMatch(/^Import #3 is a preview not yet confirmed: Confirm or Cancel on its card\.\nWhich import\?/);
    } finally {
      await bot.drop();
    }
  });
});
