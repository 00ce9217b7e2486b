import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * A refused form comes back in the local chat with each message beside its field, and in the line
 * above the form. Those messages are shown as text, so they must arrive as plain words: no markdown
 * backticks or stars, and no stand-in characters of plain() (private-use code points).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

interface Rendered {
  kind: string;
  html: string;
  messages?: string[];
}

async function turn(body: Record<string, unknown>): Promise<Rendered[]> {
  const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { replies: Rendered[] }).replies;
}

describe('a refused form in the local chat', () => {
  it('says what was wrong beside the field in plain words', async () => {
    await turn({ as: 'demo-admin', text: 'setup programme "Riverside PACE"' });
    await turn({ as: 'demo-admin', text: 'group add "Health"' });
    // A second group of the same name: refused beside Group name, with the group's short name.
    const [refused] = await turn({ as: 'demo-admin', action: { verb: 'setup.group.save', data: {}, values: { name: 'Health*', aimStatement: 'Health checks sooner', aimTarget: '90%', aimTargetDate: '2027-12-31' } } });
    expect(refused!.kind).toBe('form_errors');
    const message = refused!.messages![0]!;
    expect(message).toBe('There is already a group called "Health*" (health).');
    expect(refused!.html).toContain('There is already a group called &quot;Health*&quot; (health).');
    expect(refused!.html).not.toMatch(/[\uE000-\uF8FF]/);
  });
});
