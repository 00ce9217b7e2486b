import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { postActivity, teamsActivity, teamsCardAction, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';
import { loadWorkbook, table } from '../helpers/workbook-text.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/trackers/sample-tracker.xlsx', import.meta.url)));
const h = useTeamsHarness();
const tenantId = randomUUID();
const admin = teamsUser('Ada Admin');

type AcNode = { type: string; title?: string; verb?: string; data?: Record<string, unknown>; body?: AcNode[]; items?: AcNode[]; actions?: AcNode[]; text?: string };
const nodes = (card: AcNode): AcNode[] => [card, ...[...(card.body ?? []), ...(card.items ?? []), ...(card.actions ?? [])].flatMap(nodes)];

function lastCard(): AcNode {
  const posts = h.connector.posts();
  const body = posts[posts.length - 1]!.body as { attachments?: { content: AcNode }[] };
  return body.attachments![0]!.content;
}

const attachment = (url: string) => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  name: 'sample-tracker.xlsx',
  content: { downloadUrl: url, uniqueId: randomUUID(), fileType: 'xlsx' },
});

describe('Teams: an admin attaches a tracker in the personal chat', () => {
  it('downloads it, previews, stores on Confirm; the export comes back through a file consent card', async () => {
    const options = { serviceUrl: h.connector.url, user: admin, tenantId };
    await postActivity(h.bot.url, teamsMessage('setup programme "Tenant PACE"', options));
    h.connector.clear();

    const url = h.connector.hostFile('sample', SAMPLE);
    const message = teamsMessage('', { ...options, extra: { attachments: [attachment(url)] } });
    expect((await postActivity(h.bot.url, message)).status).toBe(200);
    expect(h.connector.calls.some((c) => c.method === 'GET' && c.path === '/files/sample')).toBe(true);
    const preview = lastCard();
    const texts = nodes(preview).map((n) => n.text ?? '').join('\n');
    expect(texts).toMatch(/Import sample-tracker.xlsx\?/);
    expect(texts).not.toMatch(/Example/);
    const confirm = nodes(preview).find((n) => n.title === 'Confirm import')!;
    expect(await h.bot.db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: tenantId })).toBe(0);

    const invoke = teamsCardAction(confirm.verb!, confirm.data ?? {}, options);
    const answer = await postActivity(h.bot.url, invoke);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toMatch(/4 new cases, 0 cases updated: 17 dates added/);
    expect(await h.bot.db.collection(COLLECTIONS.cases).countDocuments({ workspaceId: tenantId })).toBe(4);

    h.connector.clear();
    await postActivity(h.bot.url, teamsMessage('export', options));
    const consent = (h.connector.posts()[0]!.body as { attachments: { contentType: string; name: string; content: { acceptContext: unknown } }[] }).attachments[0]!;
    expect(consent.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(consent.name).toMatch(/^pacebot-export-.*\.xlsx$/);
    // The card carries how to make the file again, never its bytes.
    expect(JSON.stringify(consent.content.acceptContext)).not.toMatch(/N3001/);

    h.connector.clear();
    const accepted = teamsActivity({
      ...options,
      type: 'invoke',
      extra: {
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: consent.content.acceptContext,
          uploadInfo: { uploadUrl: h.connector.uploadUrl('u1'), contentUrl: 'https://onedrive.example/x.xlsx', name: consent.name, uniqueId: 'u1', fileType: 'xlsx' },
        },
      },
    });
    expect((await postActivity(h.bot.url, accepted)).status).toBe(200);
    const uploaded = h.connector.uploads.get('u1')!;
    const workbook = await loadWorkbook(uploaded);
    expect(table(workbook.getWorksheet('Tracker')!).slice(1).map((r) => r[0])).toEqual(['N3001', 'N3002', 'N3003', 'N3006']);
    const info = (h.connector.posts()[0]!.body as { attachments: { contentType: string }[] }).attachments[0]!;
    expect(info.contentType).toBe('application/vnd.microsoft.teams.card.file.info');
  });
});
