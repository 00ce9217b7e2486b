import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/trackers/sample-tracker.xlsx', import.meta.url)));
const SAMPLE_FILE = { name: 'sample-tracker.xlsx', data: SAMPLE };
// Names the sample holds in its identifier column: none may ever be stored.
const PLANTED = ['Amy Example', 'Ben Example', 'Cal Example', 'Dee Example', 'Eve Example', 'Fin Example'];

const csv = (text: string, name = 'tracker.csv') => ({ name, data: Buffer.from(text, 'utf8') });

function button(card: Card, id: string) {
  const found = card.buttons?.find((b) => b.id === id || b.label === id);
  if (!found) throw new Error(`no ${id} button on ${card.title}: ${card.buttons?.map((b) => b.label).join(', ')}`);
  return found;
}

async function press(bot: TestBot, user: typeof ADMIN, card: Card, id: string, values = {}) {
  const { verb, data } = button(card, id).action;
  return bot.act(user, verb, data ?? {}, values);
}

const fact = (card: Card, label: string) => card.facts?.find((f) => f.label === label)?.value;

/** Every document of every collection, as text: nothing planted may appear anywhere. */
async function wholeDatabase(bot: TestBot): Promise<string> {
  const names = (await bot.db.listCollections().toArray()).map((c) => c.name);
  const parts = await Promise.all(names.map(async (n) => JSON.stringify(await bot.db.collection(n).find({}).toArray())));
  return parts.join('\n');
}

describe('importing a tracker through the conversation', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
    await bot.say(ADMIN, 'setup programme "Northvale PACE"');
  });
  afterAll(async () => bot?.drop());

  it('previews the sample without storing anything, then Confirm stores exactly its dates, audited per row', async () => {
    const preview = firstCard(await bot.send(ADMIN, [SAMPLE_FILE]));
    expect(preview.title).toBe('Import sample-tracker.xlsx?');
    expect(preview.subtitle).toBe('Header row 2');
    expect(fact(preview, 'Cases')).toBe('4 (4 new, 0 already held)');
    expect(fact(preview, 'Dates')).toBe('16 happened, 1 planned');
    expect(fact(preview, 'New dates')).toBe('17');
    expect(fact(preview, 'Rows not imported')).toBe('2');
    const shown = replyText([{ kind: 'card', card: preview }]);
    expect(shown).toMatch(/Child name → not read \(holds a name\)/);
    expect(shown).toMatch(/Notes → ignored/);
    expect(shown).toMatch(/Row 6: permanence panel before the permanence recommendation/);
    expect(shown).toMatch(/Row 7: 30\/02\/2025 is not a date/);
    for (const name of PLANTED) expect(shown).not.toContain(name);
    expect(await bot.db.collection('cases').countDocuments()).toBe(0);

    const done = await press(bot, ADMIN, preview, 'confirm');
    expect(replyText(done)).toMatch(/Imported sample-tracker\.xlsx\s+4 new cases, 0 cases updated: 17 dates added, 0 dates changed/);
    const cases = await bot.db.collection('cases').find({}, { sort: { caseRef: 1 } }).toArray();
    expect(cases.map((c) => c.caseRef)).toEqual(['N3001', 'N3002', 'N3003', 'N3006']);
    expect(cases[0]!.milestones).toEqual({
      accommodated: { actual: '2025-01-06' },
      planning_meeting_72h: { actual: '2025-01-09' },
      first_lac_review: { actual: '2025-01-24' },
      permanence_recommendation: { actual: '2025-06-18' },
      permanence_panel: { actual: '2025-08-13' },
      adm_decision: { actual: '2025-08-22' },
    });
    expect(cases[2]!.milestones.permanence_panel).toEqual({ planned: '2026-12-09' });
    const audit = await bot.db.collection('audit').find({ entity: 'case', action: 'import' }).toArray();
    expect(audit.map((a) => [a.entityId, a.source.row, a.source.file, a.source.platform]).sort()).toEqual([
      ['N3001', 3, 'sample-tracker.xlsx', 'import'],
      ['N3002', 4, 'sample-tracker.xlsx', 'import'],
      ['N3003', 5, 'sample-tracker.xlsx', 'import'],
      ['N3006', 8, 'sample-tracker.xlsx', 'import'],
    ]);
    expect(audit.every((a) => a.source.text === undefined)).toBe(true);
    const everything = await wholeDatabase(bot);
    for (const name of PLANTED) expect(everything).not.toContain(name);
    expect(everything).not.toContain('moved to kinship'); // a Notes cell
  });

  it('re-importing the same file changes nothing; a corrected file applies only the correction, old → new', async () => {
    await press(bot, ADMIN, firstCard(await bot.send(ADMIN, [SAMPLE_FILE])), 'confirm');
    const again = firstCard(await bot.send(ADMIN, [SAMPLE_FILE]));
    expect(fact(again, 'New dates')).toBe('0');
    expect(fact(again, 'Changed dates')).toBe('0');
    expect(fact(again, 'Already held')).toBe('17');
    expect(again.buttons?.some((b) => b.id === 'confirm')).toBe(false);
    expect(again.title).toBe('Nothing new in sample-tracker.xlsx');
    // Rows 6 and 7 are refused again, so not every date of the file is held: the card says both.
    expect(replyText([{ kind: 'card', card: again }])).toMatch(/every date of the rows I could read is already held, and the other rows were refused/);

    const corrected = csv('Case ref,Accommodated,First LAC review\nN3001,08/01/2025,24/01/2025\n');
    const preview = firstCard(await bot.send(ADMIN, [corrected]));
    expect(fact(preview, 'Changed dates')).toBe('1');
    expect(replyText([{ kind: 'card', card: preview }])).toMatch(/N3001 accommodated: Mon 6 Jan 2025 → Wed 8 Jan 2025/);
    await press(bot, ADMIN, preview, 'confirm');
    const n3001 = await bot.db.collection('cases').findOne({ caseRef: 'N3001' });
    expect(n3001!.milestones.accommodated).toEqual({ actual: '2025-01-08' });
    expect(n3001!.milestones.adm_decision).toEqual({ actual: '2025-08-22' }); // a blank never deletes
    const entries = await bot.db.collection('audit').find({ entityId: 'N3001', action: 'import' }).sort({ at: 1 }).toArray();
    expect(entries).toHaveLength(2);
    expect(entries[1]!.before.milestones.accommodated).toEqual({ actual: '2025-01-06' });
    expect(entries[1]!.after.milestones.accommodated).toEqual({ actual: '2025-01-08' });
  });

  it('Cancel stores nothing and forgets the rows; a second answer is told the preview is closed', async () => {
    const preview = firstCard(await bot.send(ADMIN, [SAMPLE_FILE]));
    expect(replyText(await press(bot, ADMIN, preview, 'cancel'))).toMatch(/Import cancelled.*Nothing was stored/s);
    expect(await bot.db.collection('cases').countDocuments()).toBe(0);
    const imp = await bot.db.collection('tracker_imports').findOne({});
    expect(imp!.status).toBe('cancelled');
    expect(imp!.rows).toEqual([]);
    expect(replyText(await press(bot, ADMIN, preview, 'confirm'))).toMatch(/already confirmed or cancelled/);
    expect(await bot.db.collection('cases').countDocuments()).toBe(0);
  });

  it('Confirm pressed twice stores the import once', async () => {
    const preview = firstCard(await bot.send(ADMIN, [SAMPLE_FILE]));
    const [a, b] = await Promise.all([press(bot, ADMIN, preview, 'confirm'), press(bot, ADMIN, preview, 'confirm')]);
    const texts = [replyText(a), replyText(b)];
    expect(texts.filter((t) => /Imported/.test(t))).toHaveLength(1);
    expect(await bot.db.collection('audit').countDocuments({ action: 'import', entity: 'case' })).toBe(4);
  });

  it('refuses a member, and never reads their file', async () => {
    let read = false;
    const file = { name: 'tracker.xlsx', size: 10, read: async () => ((read = true), SAMPLE) };
    const { handleTurn } = await import('../../src/conversation/handle-turn.js');
    const replies = await handleTurn(
      { platform: 'web', workspaceId: 'T-TEST', user: MEMBER, conversation: { id: 'dm', kind: 'direct' }, text: '', files: [file], eventId: 'e-m', receivedAt: new Date('2026-11-19T10:00:00Z') },
      bot.deps,
    );
    expect(replyText(replies)).toMatch(/Only an admin can import a tracker/);
    expect(read).toBe(false);
  });

  it('says how to import when asked without a file, and which files it reads when given another', async () => {
    expect(replyText(await bot.say(ADMIN, 'import'))).toMatch(/\.xlsx.*\.csv.*Import a tracker.*store nothing until you confirm/s);
    const replies = await bot.send(ADMIN, [{ name: 'photo.png', data: Buffer.from('x') }]);
    expect(replyText(replies)).toMatch(/I can import an Excel tracker/);
    const old = await bot.send(ADMIN, [{ name: 'tracker.xls', data: Buffer.from('x') }]);
    expect(replyText(old)).toMatch(/Save As → Excel Workbook \(\.xlsx\)/);
  });

  it('an unreadable file gets a clear answer, no stack trace, and nothing stored', async () => {
    const replies = await bot.send(ADMIN, [{ name: 'broken.xlsx', data: Buffer.from('not a workbook') }]);
    const said = replyText(replies);
    expect(said).toMatch(/broken\.xlsx|read|xlsx/i);
    expect(said).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
    expect(await bot.db.collection('tracker_imports').countDocuments()).toBe(0);
  });

  it('re-maps a column from the preview, and adds a column the catalogue lacks as a milestone', async () => {
    const file = csv(
      "Ref;Accom;Sibling assessment;Perm rec\nN1001;03/02/2025;10/03/2025;01/06/2025\nN1002;04/02/2025;11/03/2025;\nN1003;05/02/2025;;\n",
    );
    const preview = firstCard(await bot.send(ADMIN, [file]));
    expect(fact(preview, 'Dates')).toBe('4 happened, 0 planned');
    const add = button(preview, 'Add “Sibling assessment” as a milestone');
    const added = firstCard(await bot.act(ADMIN, add.action.verb, add.action.data ?? {}));
    expect(fact(added, 'Dates')).toBe('6 happened, 0 planned');
    expect(replyText([{ kind: 'card', card: added }])).toMatch(/Sibling assessment → Sibling assessment/);
    const programme = await bot.db.collection('programmes').findOne({});
    expect(programme!.milestones.map((m: { label: string }) => m.label)).toContain('Sibling assessment');

    // A column the admin ignores is not offered back as a new milestone: it already is one.
    expect(added.buttons?.some((b) => /Add/.test(b.label))).toBe(false);
    const form = (await press(bot, ADMIN, added, 'remap')).find((r) => r.kind === 'form')!.card;
    const permInput = form.form!.inputs.find((i) => i.label === 'Perm rec')!;
    expect(permInput.kind).toBe('choice');
    const values: Record<string, string> = {};
    for (const input of form.form!.inputs) values[input.id] = 'value' in input && typeof input.value === 'string' ? input.value : '';
    values[permInput.id] = 'ignore';
    const remapped = firstCard(await bot.act(ADMIN, form.form!.submit.verb, form.form!.submit.data ?? {}, values));
    expect(fact(remapped, 'Dates')).toBe('5 happened, 0 planned');
    expect(replyText([{ kind: 'card', card: remapped }])).toMatch(/Perm rec → ignored\s*$/m);
    expect(remapped.buttons?.some((b) => /Add/.test(b.label))).toBe(false);
  });

  it('erasing a case removes its dates from an open import preview too', async () => {
    await bot.send(ADMIN, [SAMPLE_FILE]);
    const asked = firstCard(await bot.say(ADMIN, 'case N3001 erase'));
    const erase = asked.buttons!.find((b) => b.id === 'erase')!;
    await bot.act(ADMIN, erase.action.verb, erase.action.data ?? {});
    const imp = await bot.db.collection('tracker_imports').findOne({ status: 'preview' });
    expect(imp!.rows.map((r: { caseRef: string }) => r.caseRef)).toEqual(['N3002', 'N3003', 'N3006']);
    expect(JSON.stringify(imp)).not.toContain('N3001');
  });

  it('plants identifiers in every kind of identifier column: none reaches the store, the reply or the audit', async () => {
    const planted = ['Kayden Planted', '17/04/2014', 'EH1 1YZ', '1704141234', 'kayden@example.org', '07700 900123', '12 Planted Street'];
    const file = csv(
      'Child ID,Child name,DOB,Postcode,CHI number,Email,Phone,Address,Accom,Perm rec\n' +
        `C4001,${planted.slice(0, 7).join(',')},03/02/2025,01/06/2025\n`,
    );
    const replies = await bot.send(ADMIN, [file]);
    const preview = firstCard(replies);
    const shown = replyText(replies);
    expect(fact(preview, 'Dates')).toBe('2 happened, 0 planned');
    await press(bot, ADMIN, preview, 'confirm');
    const everything = await wholeDatabase(bot);
    for (const value of planted) {
      expect(shown).not.toContain(value);
      expect(everything).not.toContain(value);
    }
    expect(shown).toMatch(/DOB → not read \(holds dates of birth\)/);
  });
  it('reads a team column: each case joins its team, audited; a team cell with a personal detail refuses its row', async () => {
    const file = csv('Ref;Accommodated;Area office\nT7001;03/02/2025;North\nT7002;04/02/2025;EH1 2NG\nT7003;05/02/2025;\n');
    const preview = firstCard(await bot.send(ADMIN, [file]));
    expect(replyText([{ kind: 'card', card: preview }])).toMatch(/Area office → team/);
    expect(replyText([{ kind: 'card', card: preview }])).not.toMatch(/EH1/);
    await press(bot, ADMIN, preview, 'confirm');
    const cases = await bot.db.collection('cases').find({}, { sort: { caseRef: 1 } }).toArray();
    expect(cases.map((c) => [c.caseRef, c.team ?? null])).toEqual([['T7001', 'North'], ['T7003', null]]);
    const audit = await bot.db.collection('audit').find({ entity: 'case', action: 'team' }).toArray();
    expect(audit.map((a) => [a.entityId, a.after.team])).toEqual([['T7001', 'North']]);
    expect(await wholeDatabase(bot)).not.toContain('EH1 2NG');
  });
});
