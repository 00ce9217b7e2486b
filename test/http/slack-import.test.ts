import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { blockActions, deliver, slackEvent } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';
import { loadWorkbook, table } from '../helpers/workbook-text.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/trackers/sample-tracker.xlsx', import.meta.url)));
const logLines: string[] = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
const s = useSlackTestApp({ SLACK_BOT_TOKEN: 'xoxb-test' }, { logger });

/** A tracker dropped into the bot's DM: Slack sends a file_share message naming the file. */
function fileShare(fileId: string, name: string, text = '') {
  return slackEvent({
    event: { subtype: 'file_share', text, files: [{ id: fileId, name, size: SAMPLE.length, mode: 'hosted' }] },
  });
}

/** The buttons of the card Slack was asked to post, by label. */
function buttonsOf(post: { body: Record<string, any> }): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of post.body.blocks ?? []) {
    for (const element of block.elements ?? []) {
      if (element.type === 'button') found.set(element.text.text, element.value);
    }
  }
  return found;
}

describe('Slack: an admin drops a tracker into the DM', () => {
  it('files.info, download with the bot token, preview; Cancel stores nothing; Confirm stores it', async () => {
    // Ada is the first person in T-ALPHA, so its admin.
    await deliver(s.app.url, slackEvent({ event: { text: 'setup programme "Alpha PACE"' } }));
    await s.fake.waitFor('chat.postMessage');
    s.fake.clear();

    s.fake.hostFile('F-TRACKER', 'sample-tracker.xlsx', SAMPLE);
    expect((await deliver(s.app.url, fileShare('F-TRACKER', 'sample-tracker.xlsx'))).status).toBe(200);
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(s.fake.callsTo('files.info')[0]!.body.file).toBe('F-TRACKER');
    expect(s.fake.callsTo('download')[0]!.authorization).toBe('Bearer xoxb-test');
    const shown = JSON.stringify(post!.body.blocks);
    expect(shown).toMatch(/Import sample-tracker.xlsx\?/);
    expect(shown).toMatch(/16 happened, 1 planned/);
    expect(shown).not.toMatch(/Example/);
    const cancel = buttonsOf(post!).get('Cancel')!;
    s.fake.clear();
    await deliver(s.app.url, blockActions({ value: cancel, responseUrl: s.fake.responseUrl("cancel") }));
    await s.fake.waitFor('chat.update');
    expect(await s.app.db.collection(COLLECTIONS.cases).countDocuments()).toBe(0);

    s.fake.hostFile('F-TRACKER-2', 'sample-tracker.xlsx', SAMPLE);
    await deliver(s.app.url, fileShare('F-TRACKER-2', 'sample-tracker.xlsx'));
    const [again] = await s.fake.waitFor('chat.postMessage');
    const confirm = buttonsOf(again!).get('Confirm import')!;
    s.fake.clear();
    await deliver(s.app.url, blockActions({ value: confirm, responseUrl: s.fake.responseUrl("confirm") }));
    const [stored] = await s.fake.waitFor('chat.update');
    expect(JSON.stringify(stored!.body)).toMatch(/4 new cases, 0 cases updated: 17 dates added/);
    expect(await s.app.db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: 'T-ALPHA' })).toBe(4);
    const logs = logLines.join('\n');
    expect(logs).not.toMatch(/Example|moved to kinship/);
    s.fake.clear();

    // Moving out: the export goes up as a file in the same DM.
    await deliver(s.app.url, slackEvent({ event: { text: 'export' } }));
    const [complete] = await s.fake.waitFor('files.completeUploadExternal');
    const fileId = complete!.body.files[0].id as string;
    const workbook = await loadWorkbook(s.fake.uploads.get(fileId)!);
    expect(table(workbook.getWorksheet('Tracker')!).slice(1).map((r) => r[0])).toEqual(['N3001', 'N3002', 'N3003', 'N3006']);
    expect(s.fake.callsTo('files.getUploadURLExternal')[0]!.body.filename).toMatch(/^pacebot-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('refuses someone who is not an admin without downloading their file', async () => {
    s.fake.users.set('U-BEA', 'Bea Member');
    s.fake.hostFile('F-BEA', 'tracker.xlsx', SAMPLE);
    const event = slackEvent({
      event: { user: 'U-BEA', channel: 'D-BEA', subtype: 'file_share', text: '', files: [{ id: 'F-BEA', name: 'tracker.xlsx' }] },
    });
    await deliver(s.app.url, event);
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.text).toMatch(/Only an admin can import a tracker/);
    expect(s.fake.callsTo('files.info')).toEqual([]);
    expect(s.fake.callsTo('download')).toEqual([]);
  });
});
