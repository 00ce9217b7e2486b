import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebNotifier } from '../../adapters/web/web-notifier.js';
import { runCoachPrompts } from '../../jobs/coach-prompts.js';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * A new area tries pacebot in the local chat, from an empty store, doing only what the bot tells it
 * to: every command below is read from a reply (the `code` in it), with the person's own words put
 * where the suggestion has a placeholder. It ends with the digest in the local champions' channel,
 * sent by the scheduler's jobs through the delivery records, and a reply kept from a prompt's thread.
 */
let now = new Date('2026-11-20T10:00:00Z'); // a Friday
let app: TestApp;
const deps = () => ({ db: app.db, logger: app.app.logger, owner: 'walk', clock: () => now });
const notifiers = () => ({ web: createWebNotifier(app.db) });

beforeAll(async () => {
  app = await startTestApp({ clock: () => now });
});
afterAll(() => app?.stop());

type Where = { conversation: string; thread?: string };
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function send(as: string, body: Record<string, unknown>, where?: Where): Promise<string> {
  const response = await fetch(`${app.url}/web/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as, ...body, ...(where ? { where } : {}) }),
  });
  const payload = (await response.json()) as { replies: { html: string }[]; message?: string };
  expect(response.status, payload.message).toBe(200);
  return unescape(payload.replies.map((r) => r.html).join('\n'));
}
const say = (as: string, text: string, where?: Where) => send(as, { text }, where);

/** The commands a reply suggests, as shown (in `code`). */
const suggestions = (html: string) => [...html.matchAll(/<code>(.*?)<\/code>/g)].map((m) => m[1]!);

/** The suggestion that starts with these words, or a failure that shows what was suggested. */
function suggested(html: string, start: string): string {
  const found = suggestions(html).find((s) => s.startsWith(start));
  expect(found, `no suggestion starting "${start}" in: ${suggestions(html).join(' | ')}`).toBeDefined();
  return found!;
}

const channel = async (as: string, c: string) =>
  ((await (await fetch(`${app.url}/web/channel?as=${as}&c=${c}`)).json()) as { messages: { messageId: string; html: string }[] }).messages;

const ADMIN = 'demo-admin'; // the first person to speak in an empty workspace becomes its admin
const GROUP = 'permanence-milestones';

describe('from an empty store to a digest in a local channel, following the bot', () => {
  it('sets up, adds a lead who never spoke to the bot, links the channel and gets the digest there', async () => {
    let help = await say(ADMIN, 'help');
    const created = await say(ADMIN, suggested(help, 'setup programme'));
    expect(created).toMatch(/Programme <strong>Our area PACE<\/strong> saved/);

    const form = await say(ADMIN, suggested(created, 'group new'));
    const submit = JSON.parse(/data-submit="(\{.*?\})"[ >]/.exec(form)![1]!);
    const group = await send(ADMIN, {
      action: {
        ...submit,
        values: { name: 'Permanence milestones', aimStatement: 'Reduce the time to permanence recommendation', aimTarget: '95% within 26 weeks', aimTargetDate: '2027-12-31' },
      },
    });
    expect(group).toContain('Permanence milestones');

    // In the local chat the checklist adds a lead by name, in one sentence (no @mentions here).
    help = await say(ADMIN, 'help');
    const makeLead = suggested(help, 'person add').replace('<group>', GROUP).replace('<name>', 'Sam Lee');
    const added = await say(ADMIN, makeLead);
    expect(added).toContain('Sam Lee</strong> is added to pacebot');
    expect(added).toContain('Sam Lee is now a lead of <strong>Permanence milestones</strong>');

    help = await say(ADMIN, 'help');
    const cadence = await say(ADMIN, suggested(help, 'meeting set'));
    // The checklist's example has no year, so it is always a day to come.
    expect(cadence).toMatch(/14 Jan 2027/);

    help = await say(ADMIN, 'help');
    const linked = await say(ADMIN, suggested(help, 'champions channel'), { conversation: 'web-champions' });
    expect(unescape(linked)).toContain("This is now the champions' channel");
    help = await say(ADMIN, 'help');
    expect(help).not.toMatch(/○ (Create the programme|Add the aim groups|Make someone a lead|Set the meeting cadence|Link the champions)/);

    // The scheduler's clock reaches the digest's time: Tue 12 Jan 09:00, two working days before.
    now = new Date('2027-01-12T09:00:00Z');
    expect(await runPlanDigests(deps())).toEqual({ [LOCAL_WORKSPACE_ID]: 'planned' });
    const first = await runSendDeliveries({ ...deps(), notifiers: notifiers() });
    expect(first.sent).toBeGreaterThanOrEqual(2); // the channel, and the lead's part

    const posted = await channel(ADMIN, 'web-champions');
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(unescape(posted.map((m) => m.html).join(''))).toMatch(/Digest for the champions’ meeting, Thu 14 Jan 2027/);
    const samSaw = await channel('local-sam-lee', 'web-local-sam-lee');
    expect(samSaw.map((m) => m.html).join('')).toContain('Permanence milestones');

    // Exactly once: the jobs running again post nothing more.
    expect(await runPlanDigests(deps())).not.toEqual({ [LOCAL_WORKSPACE_ID]: 'planned' });
    expect((await runSendDeliveries({ ...deps(), notifiers: notifiers() })).sent ?? 0).toBe(0);
    expect(await channel(ADMIN, 'web-champions')).toHaveLength(posted.length);
    const deliveries = await workspaceStore(app.db, LOCAL_WORKSPACE_ID).deliveries.find({ kind: 'digest' }).toArray();
    expect(deliveries.every((d) => d.status === 'sent' && d.recipient.platform === 'web')).toBe(true);
  });

  it('a coach’s prompt reaches the group’s local channel, and a reply in its thread is kept', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    const prompt = `prompt ${GROUP} on 2 Dec 2026 09:30: What did your last test of change teach you?`;
    const refused = await say(ADMIN, prompt);
    const link = suggested(refused, `group ${GROUP} link`);
    expect(await say('local-sam-lee', link, { conversation: `web-group-${GROUP}` })).toContain('channel');
    expect(await say(ADMIN, prompt)).toMatch(/P-1/);

    now = new Date('2026-12-02T09:31:00Z');
    expect(await runCoachPrompts(deps())).toBe(1);
    expect((await runSendDeliveries({ ...deps(), notifiers: notifiers() })).sent).toBe(1);
    const [post] = await channel('local-sam-lee', `web-group-${GROUP}`);
    expect(post!.html).toContain('What did your last test of change teach you?');

    const kept = await say('local-sam-lee', 'A set agenda kept the meeting to the plan.', { conversation: `web-group-${GROUP}`, thread: post!.messageId });
    expect(kept).toMatch(/your reply is kept/);
    const responses = await workspaceStore(app.db, LOCAL_WORKSPACE_ID).promptResponses.find({}).toArray();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ userId: 'local-sam-lee', userName: 'Sam Lee', promptNumber: 1 });
  });
});
