import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { everything, fileReply, loadWorkbook, table } from '../helpers/workbook-text.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/trackers/sample-tracker.xlsx', import.meta.url)));

async function importFile(bot: TestBot, name: string, data: Buffer) {
  const preview = firstCard(await bot.send(ADMIN, [{ name, data }]));
  const confirm = preview.buttons!.find((b) => b.id === 'confirm')!;
  return bot.act(ADMIN, confirm.action.verb, confirm.action.data ?? {});
}

const milestonesByCase = async (bot: TestBot) =>
  Object.fromEntries(
    (await bot.db.collection('cases').find({}).toArray()).map((c) => [c.caseRef, c.milestones]),
  );

describe('the programme export', () => {
  let source: TestBot;
  let target: TestBot;
  beforeAll(async () => {
    source = await createTestBot({ now: '2026-11-19T10:00:00Z' });
    target = await createTestBot({ now: '2026-11-19T10:00:00Z' });
    for (const bot of [source, target]) await bot.say(ADMIN, 'setup programme "Northvale PACE"');
    await importFile(source, 'sample-tracker.xlsx', SAMPLE);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('is for admins only', async () => {
    expect(replyText(await source.say(MEMBER, 'export'))).toMatch(/Only an admin can export the programme/);
  });

  it('hands over a workbook with its seven sheets, audited, with no raw message text', async () => {
    await source.say(MEMBER, 'C1042 accommodated 3 Nov');
    const file = fileReply(await source.say(ADMIN, 'export'));
    expect(file.fileName).toBe('pacebot-export-2026-11-19.xlsx');
    const workbook = await loadWorkbook(file.data);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tracker',
      'Programme',
      'Aim groups',
      'People',
      'Tests of change',
      'Measures',
      'Audit',
    ]);
    const tracker = table(workbook.getWorksheet('Tracker')!);
    expect(tracker[0]!.slice(0, 3)).toEqual(['Case ref', 'Accommodated', '72-hour planning meeting']);
    expect(tracker.slice(1).map((r) => r[0])).toEqual(['N3001', 'N3002', 'N3003', 'N3006']);
    expect(everything(workbook)).not.toMatch(/accommodated 3 Nov/);
    const audited = await source.db.collection('audit').findOne({ action: 'export', entity: 'programme' });
    expect(audited).toMatchObject({ actor: { userId: ADMIN.id }, after: { cases: 4 } });
  });

  it('round-trips: its Tracker imported into an empty programme gives the same dates', async () => {
    const file = fileReply(await source.say(ADMIN, 'export'));
    const done = replyText(await importFile(target, file.fileName, file.data));
    expect(done).toMatch(/4 new cases, 0 cases updated: 17 dates added/);
    expect(await milestonesByCase(target)).toEqual(await milestonesByCase(source));
  });
});
