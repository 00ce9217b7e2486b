import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postActivity, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

// An area whose references look like FB-2041: Teams' own answer to a picture uses that example,
// not C1042, which the area's pattern would refuse.
const h = useTeamsHarness();
const tenantId = randomUUID();
const admin = teamsUser('Ada Admin');

const textOf = (body: unknown) => (body as { text?: string }).text ?? '';

describe('Teams: a picture in an area with its own reference pattern', () => {
  it('asks for the dates typed, with the area’s example reference', async () => {
    const options = { serviceUrl: h.connector.url, user: admin, tenantId };
    await postActivity(h.bot.url, teamsMessage('setup programme "Fernbank PACE" pattern FB-2041', options));
    h.connector.clear();
    const picture = teamsMessage('', { ...options, extra: { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/p.png' }] } });
    expect((await postActivity(h.bot.url, picture)).status).toBe(200);
    const said = textOf(h.connector.posts()[0]!.body);
    expect(said).toMatch(/can't read pictures/i);
    expect(said).toMatch(/e\.g\. \*\*FB-1042 accommodated 3 Oct\*\*/);
    expect(said).not.toMatch(/C1042/);
  });
});
