import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import type { SlackCall } from '../fakes/fake-slack-api.js';
import { deliver, slackEvent, slashCommand, viewSubmission } from '../fakes/slack-payloads.js';
import { postActivity, teamsCardSubmit, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import {
  expectInertHtml,
  expectInertMrkdwn,
  expectInertTeams,
  GROUP_NAMES,
  PLANT,
  PLANTED,
  slackMrkdwn,
  teamsMarkdown,
} from '../helpers/planted-markup.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Markup planted by a member through a group name, a PDSA plan and note, a digest question and (on
 * Slack and Teams) a display name, read back through the real server on each surface: the words
 * show, but never as a link, a mention or formatting in the bot's voice. The bot's own formatting
 * around them still works.
 */

/** The Plan form's answers: the plant in the fields the cycle card shows. */
const plan = (groupKey: string) => ({
  title: 'Agenda at hearings',
  changeIdea: PLANT,
  groupKey,
  objective: PLANT,
  prediction: PLANT,
  who: PLANTED.markdownLink,
});

/** The member's commands after the groups and the cycle exist: each shows the plant back. */
const readBack = (groupKey: string) => [
  `pdsa T-1 note ${PLANT}`,
  'pdsa T-1',
  'pdsa list all',
  `digest question ${groupKey} ${PLANT}`,
  'digest questions',
  'groups',
  `group ${groupKey}`,
  `group ${GROUP_NAMES[1]!.slice(0, 12)}x`,
];

describe('the local web chat', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  async function turn(body: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${app.url}/web/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'demo-admin', ...body }),
    });
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: { html: string }[] };
    return replies.map((r) => r.html).join('\n');
  }

  it('shows planted markup as text, and keeps its own formatting', async () => {
    const shown: string[] = [];
    await turn({ text: 'setup programme "Alpha PACE"' });
    for (const name of GROUP_NAMES) shown.push(await turn({ text: `group add "${name}"` }));
    const [key] = await app.db.collection(COLLECTIONS.groups).distinct('key');
    shown.push(await turn({ action: { verb: 'pdsa.plan.save', data: {}, values: plan(String(key)) } }));
    for (const text of readBack(String(key))) shown.push(await turn({ text }));

    const html = shown.join('\n');
    expectInertHtml(html);
    // The bot's own bold still wraps the name: the name inside is plain.
    expect(html).toContain('Aim group <strong>[Click me](https://evil.example/x) *bold*</strong> created');
    expect(html).toContain('Note added to <strong><span class="nowrap">T-1</span></strong>');
    expect(await app.db.collection(COLLECTIONS.pdsa).countDocuments({ 'notes.text': PLANT })).toBe(1);
  });
});

describe('Slack', () => {
  const s = useSlackTestApp();
  const EVE = 'UEVE1';
  let sent = 0;

  /** A DM from `user`; resolves once the app has posted `more` further messages. */
  async function dm(text: string, user = 'U-ADA', more = 1): Promise<void> {
    const before = s.fake.callsTo('chat.postMessage').length;
    const channel = user === 'U-ADA' ? 'D-ADA' : 'DEVE1';
    const ts = `1700001${String(++sent).padStart(3, '0')}.000100`;
    await deliver(s.app.url, slackEvent({ event: { text, user, channel, ts, event_ts: ts } }));
    await s.fake.waitFor('chat.postMessage', before + more);
  }

  /** Submits the modal the app opened, as the person would, with `values` by input id. */
  function submit(opened: SlackCall, values: Record<string, string>) {
    const view = opened.body.view;
    const state = Object.fromEntries(
      Object.entries(values).map(([id, value]) => {
        const input = id === 'groupKey' ? { type: 'static_select', selected_option: { value } } : { type: 'plain_text_input', value };
        return [id === 'changeIdea' ? 'changeIdea__other' : id, { [id === 'changeIdea' ? 'changeIdea__other' : id]: input }];
      }),
    );
    return deliver(s.app.url, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values: state }));
  }

  it('shows planted markup as text in messages, blocks and modals, and keeps its own formatting', async () => {
    await dm('setup programme "Alpha PACE"');
    for (const name of GROUP_NAMES) await dm(`group add "${name}"`);
    const [key] = await s.app.db.collection(COLLECTIONS.groups).distinct('key');

    await deliver(s.app.url, slashCommand({ text: 'pdsa new', trigger_id: 'trig-plan', response_url: s.fake.responseUrl('plan') }));
    const [opened] = await s.fake.waitFor('views.open');
    const answer = await submit(opened!, plan(String(key)));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(''); // saved: the modal closes
    await s.fake.waitFor('response_url:plan');

    for (const text of readBack(String(key))) await dm(text);
    // A display name is typed by its owner too.
    s.fake.users.set(EVE, `${PLANTED.markdownLink} <!channel>`);
    await dm('whoami', EVE);
    await dm(`group ${String(key)} member <@${EVE}>`);

    const posted = s.fake.calls
      .filter((c) => ['chat.postMessage', 'chat.update', 'response_url:plan'].includes(c.method))
      .map((c) => c.body);
    const mrkdwn = slackMrkdwn(posted);
    expectInertMrkdwn(mrkdwn);
    // The bot's own bold still wraps the name, whose own asterisks are shown as lookalikes.
    expect(mrkdwn).toContain('Aim group *[Click me](https://evil.example/x) ∗bold∗* created');
    expect(mrkdwn).toContain('You are [Click me](https://evil.example/x) &lt;!channel&gt;: member.');
    expect(mrkdwn).toContain('[Click me](https://evil.example/x) &lt;!channel&gt; is now a member of *[Click me]');
    // Every mrkdwn object is verbatim: Slack leaves it as sent, without parsing URLs or mentions.
    const objects = JSON.stringify(posted).match(/"type":"mrkdwn"[^}]*}/g) ?? [];
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(object).toContain('"verbatim":true');
    // The modal offers the groups by name as plain text, which Slack never parses.
    expect(JSON.stringify(opened!.body.view)).toContain('"plain_text","text":"[Click me](https://evil.example/x) *bold*"');
  });
});

describe('Teams', () => {
  const h = useTeamsHarness();
  const admin = teamsUser('Alex Admin', '11111111-1111-4111-8111-111111111111');

  async function say(text: string, user = admin): Promise<void> {
    const { status } = await postActivity(h.bot.url, teamsMessage(text, { serviceUrl: h.connector.url, user }));
    expect(status).toBe(200);
  }

  it('shows planted markup as text in messages and cards, and keeps its own formatting', async () => {
    await say('setup programme "Alpha PACE"');
    for (const name of GROUP_NAMES) await say(`group add "${name}"`);
    const [key] = await h.bot.db.collection(COLLECTIONS.groups).distinct('key');
    const submitted = teamsCardSubmit('pdsa.plan.save', plan(String(key)), { serviceUrl: h.connector.url, user: admin });
    expect((await postActivity(h.bot.url, submitted)).status).toBe(200);
    for (const text of readBack(String(key))) await say(text);
    const eve = teamsUser(`${PLANTED.markdownLink} <at>Eve</at>`);
    await say('whoami', eve);

    const sent = h.connector.calls.filter((c) => c.method === 'POST' || c.method === 'PUT').map((c) => c.body);
    const shown = teamsMarkdown(sent);
    expectInertTeams(shown);
    // The bot's own bold still wraps the name (Teams' **bold**); the name inside is escaped.
    expect(shown).toContain('Aim group **\\[Click me\\]\u200B(https://evil.example/x) \\*bold\\*** created');
    expect(shown).toContain('Note added to **T-1**');
    expect(h.connector.unhandled).toEqual([]);
  });
});
