import { beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.js';
import { createTeamsNotifier } from '../../adapters/teams/proactive.js';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { CHANNEL_ID, TENANT_A, postActivity, teamsConversationUpdate, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import type { ConnectorCall } from '../fakes/fake-bot-connector.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';
import { DIGEST_DUE, SETUP_AT, SETUP_COMMANDS, seedDigestData } from './digest-fixture.js';

let now = new Date(SETUP_AT);
const h = useTeamsHarness({ clock: () => now });
const admin = teamsUser('Alex Admin');
const lee = teamsUser('Lee Lead');
const lou = teamsUser('Lou Legal');
const personal = (user: { aadObjectId: string }) => `a:1personal-${user.aadObjectId}`;
/** What the connector received while the digest went out (the harness clears its record per test). */
let received: ConnectorCall[] = [];
const posts = (conversationId: string) => received.filter((c) => c.method === 'POST' && c.conversationId === conversationId);

beforeAll(async () => {
  const say = async (user: typeof admin, text: string, scope: 'personal' | 'channel' = 'personal') =>
    expect((await postActivity(h.bot.url, teamsMessage(text, { serviceUrl: h.connector.url, user, scope }))).status).toBe(200);
  for (const user of [admin, lee, lou]) await say(user, 'whoami');
  for (const command of SETUP_COMMANDS) await say(admin, command);
  await postActivity(h.bot.url, teamsConversationUpdate('added', { serviceUrl: h.connector.url, scope: 'channel' }));
  await say(admin, 'champions channel', 'channel');
  await seedDigestData(h.bot.db, TENANT_A);
  h.connector.clear();

  now = new Date(DIGEST_DUE);
  const notifier = createTeamsNotifier(createTeamsAdapter(h.bot.app.config, h.bot.app.logger), '', h.bot.db);
  const deps = { db: h.bot.db, logger: h.bot.app.logger, owner: 'test', clock: () => now };
  expect(await runPlanDigests(deps)).toEqual({ [TENANT_A]: 'planned' });
  expect(await runSendDeliveries({ ...deps, notifiers: { teams: notifier } })).toEqual({ sent: 3 });
  expect(h.connector.unhandled).toEqual([]);
  received = [...h.connector.calls];
}, 60_000);

type Card = { type: string; body?: unknown[] };
const cardsIn = (call: ConnectorCall): Card[] =>
  ((call.body as { attachments?: { contentType: string; content: Card }[] }).attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
/** A chart in a card: a data-URI Image (charts fit Teams' 1024-pixel limit), else its alt text. */
const chartIn = (card: Card): 'image' | 'alt text' | null => {
  const json = JSON.stringify(card);
  if (/"type":"Image","url":"data:image\/png;base64,/.test(json)) return 'image';
  return /Run chart of .*image too large to show here/.test(json) ? 'alt text' : null;
};

describe("the digest in the champions' Teams channel", () => {
  it('arrives as Adaptive Cards: a header, each group, and each chart in a card of its own', () => {
    const channel = posts(CHANNEL_ID).slice(0, 5);
    const cards = channel.map((p) => cardsIn(p)[0]!);
    expect(cards.every((c) => c.type === 'AdaptiveCard')).toBe(true);
    expect(JSON.stringify(cards[0])).toMatch(/Digest for the champions’ meeting, Thu 1 Apr 2027, 10:00/);
    expect(JSON.stringify(cards[2])).toMatch(/Permanence milestones/);
    expect(cards.slice(3).map((c) => chartIn(c))).toEqual(['image', 'image']);
    expect(JSON.stringify(cards.slice(3))).toMatch(/Permanence milestones: % within 26 weeks/);
  });

  it("ends by saying where to get the meeting pack: Teams hands a bot's file over only in a personal chat", () => {
    const channel = posts(CHANNEL_ID);
    expect(channel).toHaveLength(6);
    const last = channel.at(-1)!.body as { text?: string; attachments?: unknown[] };
    expect(last.attachments ?? []).toEqual([]);
    expect(last.text).toMatch(/Meeting pack for the champions’ meeting, Thu 1 Apr 2027, 10:00.*only in our personal chat: message me `meeting pack` there/s);
  });

  it('suppresses small numbers and names no case in the channel', () => {
    const channel = JSON.stringify(posts(CHANNEL_ID).map((p) => p.body));
    expect(channel).toMatch(/fewer than 5 waiting/);
    expect(channel).toMatch(/Milestones out of order or missing: fewer than 5 children/);
    expect(channel.replace(/data:image\/png;base64,[^"]*/g, '')).not.toMatch(/\bC\d{4}\b/);
  });

  it("sends each lead their groups' part in their personal chat, with case references", () => {
    const leeSaw = JSON.stringify(posts(personal(lee)).map((p) => p.body));
    expect(leeSaw).toMatch(/C3001 41 weeks 1 day since accommodated/);
    expect(leeSaw).toMatch(/C4001 permanence recommendation/);
    expect(leeSaw).not.toMatch(/Legal processes/);
    const louSaw = JSON.stringify(posts(personal(lou)).map((p) => p.body));
    expect(louSaw).toMatch(/Legal processes/);
    expect(posts(personal(admin))).toEqual([]);
  });
});
