import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

interface Rendered {
  kind: string;
  html: string;
}
type Answer = { replies: Rendered[]; code?: string; message?: string };

async function post(body: Record<string, unknown>) {
  const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer };
}
const say = async (as: string, text: string, where?: { conversation: string; thread?: string }) => {
  const { status, body } = await post({ as, text, ...(where ? { where } : {}) });
  expect(status, body.message).toBe(200);
  return body.replies.map((r) => r.html.replace(/&#39;/g, "'")).join('\n');
};
const page = async () => (await fetch(`${app.url}/`)).text();
const store = () => workspaceStore(app.db, LOCAL_WORKSPACE_ID);

describe('people in the local chat', () => {
  it('before a programme, the picker offers the demo people and the demo chips', async () => {
    const html = await page();
    expect(html).toContain('<option value="demo-member">Jamie Munro (member)</option>');
    expect(html).toContain('data-say="C1151 accommodated yesterday"');
    expect(html).toContain('<option value="web-champions">#champions</option>');
    // Someone added by name (on the demo, say) can be chosen too.
    await store().members.insertOne({ userId: 'local-ola-berg', name: 'Ola Berg', roles: [], createdAt: new Date() });
    expect(await page()).toContain('<option value="local-ola-berg">Ola Berg (added)</option>');
    await store().members.deleteOne({ userId: 'local-ola-berg' });
  });

  it('once a real programme exists, the picker offers its people and the demo chips are gone', async () => {
    await say('demo-admin', 'setup programme "Riverside PACE"');
    await say('demo-admin', 'group add "Health"');
    const html = await page();
    // Each person with what the page offers them: the admin imports and previews.
    expect(html).toContain('<option value="demo-admin" data-may-import="1" data-may-preview="1">Ailsa Grant (admin)</option>');
    expect(html).not.toContain('Jamie Munro');
    expect(html).not.toContain('C1151 accommodated yesterday');
    expect(html).toContain('data-say="people"');
    expect(html).toContain('<option value="web-group-health">#health</option>');
    // Someone the programme does not have cannot be spoken as.
    const refused = await post({ as: 'demo-member', text: 'help' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'bad_web_user', message: expect.stringMatching(/not in this programme/) });
  });

  it('adds a named local person, who then appears under "You are" and can speak', async () => {
    const added = await say('demo-admin', 'person add "Sam Lee" as lead of health');
    expect(added).toContain('Person added');
    expect(added).toContain('Choose them under “You are”');
    // Leads are assigned by admins: the card says what changed.
    expect(added).toContain('Sam Lee is now a lead of <strong>Health</strong>');
    const where = (await (await fetch(`${app.url}/web/where`)).json()) as { people: { userId: string; role: string }[]; real: boolean };
    expect(where.real).toBe(true);
    // A lead may preview the digest, not import a tracker.
    expect(where.people).toContainEqual({ userId: 'local-sam-lee', name: 'Sam Lee', role: 'lead', about: 'lead of Health', mayImport: false, mayPreview: true });
    expect(await say('local-sam-lee', 'whoami')).toContain('You are Sam Lee: lead of Health');
    const audit = await store().audit.find({ entityId: 'local-sam-lee' }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['add_person']);
    // A member is introduced by their group too: "You are Kim Ode, member." named none (phone re-check).
    await say('demo-admin', 'person add "Kim Ode" as member of health');
    const now = (await (await fetch(`${app.url}/web/where`)).json()) as { people: { userId: string; role: string; about: string }[] };
    expect(now.people.find((p) => p.userId === 'local-kim-ode')).toMatchObject({ role: 'member', about: 'member of Health' });
  });

  it('links the champions’ channel and a group’s channel by typing in them, as on Slack and Teams', async () => {
    expect(await say('demo-admin', 'champions channel', { conversation: 'web-champions' })).toContain("This is now the champions' channel");
    expect((await store().programmes.findOne({}))!.championsChannel).toEqual({ platform: 'web', conversationId: 'web-champions' });
    expect(await say('local-sam-lee', 'group health link', { conversation: 'web-group-health' })).toContain("Health</strong>'s channel");
    expect((await store().groups.findOne({ key: 'health' }))!.channel).toEqual({ platform: 'web', conversationId: 'web-group-health' });
    expect(await page()).toContain('<option value="web-champions">#champions · linked</option>');
    // A case list names children: never in a channel.
    expect(await say('local-sam-lee', 'my cases', { conversation: 'web-group-health' })).toMatch(/direct message, not in a channel/);
    const bad = await post({ as: 'demo-admin', text: 'champions channel', where: { conversation: 'web-nowhere' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bad_channel');
  });

  it('shows a channel’s posts, and nobody else’s direct messages', async () => {
    const channel = await fetch(`${app.url}/web/channel?as=demo-admin&c=web-champions`);
    expect(channel.status).toBe(200);
    expect(await channel.json()).toMatchObject({ channel: { id: 'web-champions', linkedAs: expect.stringMatching(/digest goes here/) }, messages: [] });
    expect((await fetch(`${app.url}/web/channel?as=demo-admin&c=web-local-sam-lee`)).status).toBe(400);
    expect((await fetch(`${app.url}/web/channel?as=local-sam-lee&c=web-local-sam-lee`)).status).toBe(200);
  });
});

describe('handing work over in the local chat', () => {
  it('asks on a card, then moves the departing person’s open cases to the new holder', async () => {
    await say('demo-admin', 'person add "Kim Ode" as member of health');
    const asked = await post({ as: 'local-sam-lee', text: 'C1042 accommodated 3 Nov' });
    const confirm = JSON.parse(/data-action="([^"]+)"/.exec(asked.body.replies[0]!.html)![1]!.replace(/&quot;/g, '"'));
    await post({ as: 'local-sam-lee', action: confirm });
    expect((await store().cases.findOne({ caseRef: 'C1042' }))!.milestones.accommodated).toBeDefined();

    const card = await post({ as: 'demo-admin', text: 'hand over "Sam Lee" to "Kim Ode"' });
    const html = card.body.replies[0]!.html;
    expect(html).toContain('Hand over Sam Lee’s work to Kim Ode?');
    expect(html).not.toContain('C1042'); // counts only on the card
    const actions = [...html.matchAll(/data-action="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"')));
    const handOver = actions.find((a) => a.verb === 'people.handover')!;
    const done = await post({ as: 'demo-admin', action: handOver });
    expect(done.body.replies[0]!.html).toContain('Kim Ode now holds 1 open case');
    expect((await store().cases.findOne({ caseRef: 'C1042' }))!.ownerId).toBe('local-kim-ode');
    expect(await say('local-kim-ode', 'my cases')).toContain('C1042');
  });
});

describe('the web notifier', () => {
  it('keeps one message per delivery key, and finds a message sent before a crash', async () => {
    const { createWebNotifier } = await import('../../adapters/web/web-notifier.js');
    const notifier = createWebNotifier(app.db);
    const target = { workspaceId: LOCAL_WORKSPACE_ID, conversationId: 'web-group-health' };
    const [first] = (await notifier.send(target, [{ kind: 'text', text: 'Hello *group*' }], { idempotencyKey: 'k-1' }))!;
    const [again] = (await notifier.send(target, [{ kind: 'text', text: 'Hello *group*' }], { idempotencyKey: 'k-1' }))!;
    expect(again!.messageId).toBe(first!.messageId);
    expect(await notifier.findSent!(target, 'k-1')).toEqual({ messageId: first!.messageId });
    expect(await notifier.findSent!(target, 'k-2')).toBeNull();
    const shown = (await (await fetch(`${app.url}/web/channel?as=demo-admin&c=web-group-health`)).json()) as { messages: { html: string }[] };
    expect(shown.messages.map((m) => m.html)).toEqual(['<div class="bubble"><p>Hello <strong>group</strong></p></div>']);
  });
});

describe('erasing a case the local chat posted', () => {
  it('rewrites the reference in the messages the web notifier keeps', async () => {
    const { createWebNotifier } = await import('../../adapters/web/web-notifier.js');
    const target = { workspaceId: LOCAL_WORKSPACE_ID, conversationId: 'web-local-kim-ode' };
    await createWebNotifier(app.db).send(target, [{ kind: 'text', text: 'Waiting: C1042 for 3 weeks' }], { idempotencyKey: 'k-erase' });
    const asked = await post({ as: 'demo-admin', text: 'case C1042 erase' });
    const erase = [...asked.body.replies[0]!.html.matchAll(/data-action="([^"]+)"/g)]
      .map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"')))
      .find((a) => a.verb === 'case.erase')!;
    expect((await post({ as: 'demo-admin', action: erase })).body.replies[0]!.html).toContain('Erased');
    const kept = await store().webMessages.findOne({ key: 'k-erase' });
    expect(kept!.reply.html).not.toContain('C1042');
    expect(kept!.reply.html).toContain('[erased]');
  });
});
