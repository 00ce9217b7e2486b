import { DateTime } from 'luxon';
import type { Db } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { toAdaptiveCard } from '../../cards/to-adaptive-card.js';
import type { Card } from '../../cards/model.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import { planHappenedNudges } from '../../src/programme/nudges/plan-happened-nudges.js';
import { COLLECTIONS } from '../../src/store/collections.js';
import { fakeSlackNotifier } from '../jobs/slack-notifier-fixture.js';
import { blockActions, deliver, slashCommand } from '../fakes/slack-payloads.js';
import { postActivity, TENANT_A, teamsCardAction, teamsMessage, teamsUser } from '../fakes/teams-activities.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';
import { useTeamsHarness } from '../helpers/teams-harness.js';

// The "did it happen?" buttons pressed on each platform: the adapters only turn the click into the
// card action it carries; the answer is the same "Check before I save" card as a typed sentence.

const logger = createLogger('silent');

/**
 * A plan that passed five days ago, as `userId` would leave it by recording it before it passed
 * (seeded: the app runs on the wall clock, and the chat refuses to book a date in the past), and
 * the working morning after it. (A plan from an import asks nobody: plan-recorder.ts.)
 */
async function seedPassedPlan(db: Db, workspaceId: string, userId: string, name: string): Promise<Date> {
  const today = DateTime.now().setZone('Europe/London').startOf('day');
  const planned = today.minus({ days: 5 }).toISODate()!;
  let morning = today.minus({ days: 4 });
  while (morning.weekday > 5) morning = morning.plus({ days: 1 });
  const milestones = { permanence_panel: { planned } };
  const at = new Date();
  await db.collection(COLLECTIONS.cases).insertOne({ workspaceId, caseRef: 'C1090', milestones, version: 1, createdAt: at, updatedAt: at });
  await db.collection(COLLECTIONS.audit).insertOne({
    workspaceId,
    at,
    actor: { userId, name },
    entity: 'case',
    entityId: 'C1090',
    action: 'record',
    before: null,
    after: { milestones, version: 1 },
    source: { platform: 'test', eventId: 'seed' },
  });
  return morning.set({ hour: 10 }).toJSDate();
}

async function askNow(db: Db, workspaceId: string, at: Date): Promise<void> {
  const programme = (await db.collection(COLLECTIONS.programmes).findOne({ workspaceId })) as never;
  expect(await planHappenedNudges(db, programme, at)).toBe(1);
}

describe('on Slack', () => {
  const s = useSlackTestApp();
  type Button = { text: { text: string }; value: string; action_id: string };
  const buttonsOf = (blocks: { type: string; elements?: Button[] }[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!);

  it('the question arrives as a DM whose buttons answer it', async () => {
    await deliver(s.app.url, slashCommand({ text: 'setup programme "Alpha PACE"', response_url: s.fake.responseUrl('setup') }));
    await s.fake.waitFor('response_url:setup');
    const at = await seedPassedPlan(s.app.db, 'T-ALPHA', 'U-ADA', 'Ada Lovelace');
    await askNow(s.app.db, 'T-ALPHA', at);
    const slack = fakeSlackNotifier(s.fake, s.app.db);
    await runSendDeliveries({ db: s.app.db, logger, clock: () => at, owner: 'test', notifiers: { slack } });
    const [question] = s.fake.callsTo('chat.postMessage');
    expect(question!.body.channel).toBe('D-ADA');
    expect(question!.body.text).toMatch(/C1090's permanence panel was planned for .* — did it happen\?/);
    const buttons = buttonsOf(question!.body.blocks);
    expect(buttons.map((b) => b.text.text)).toEqual(['Yes, on that day', 'Yes, on another day…', 'Moved to…']);
    s.fake.clear();

    const yes = buttons[0]!;
    await deliver(s.app.url, blockActions({ value: yes.value, actionId: yes.action_id }));
    const [check] = await s.fake.waitFor('chat.postMessage');
    expect(check!.body.text).toContain('Check before I save');
    s.fake.clear();

    const moved = buttons[2]!;
    await deliver(s.app.url, blockActions({ value: moved.value, actionId: moved.action_id }));
    const [opened] = await s.fake.waitFor('views.open');
    expect(JSON.stringify(opened!.body.view)).toContain('New planned date');
  });
});

describe('on Teams', () => {
  const h = useTeamsHarness();
  const admin = teamsUser('Alex Admin');

  it('the question’s Action.Execute buttons answer it through the same core', async () => {
    await postActivity(h.bot.url, teamsMessage('setup programme "Northshire PACE"', { serviceUrl: h.connector.url, user: admin }));
    const me = await h.bot.db.collection(COLLECTIONS.members).findOne({ workspaceId: TENANT_A, name: 'Alex Admin' });
    const at = await seedPassedPlan(h.bot.db, TENANT_A, me!.userId as string, 'Alex Admin');
    await askNow(h.bot.db, TENANT_A, at);
    const [queued] = await h.bot.db.collection(COLLECTIONS.deliveries).find({ workspaceId: TENANT_A, sourceId: /^notice:/ }).toArray();
    expect(queued!.recipient).toMatchObject({ kind: 'user', id: me!.userId });
    const card = toAdaptiveCard((queued!.replies as { card: Card }[])[0]!.card) as unknown as { actions: { title: string; verb: string; data: Record<string, unknown> }[] };
    const yes = card.actions.find((a) => a.title === 'Yes, on that day')!;
    expect(yes.verb).toBe('happened.yes');
    h.connector.clear();
    const { status, body } = await postActivity(h.bot.url, teamsCardAction(yes.verb, yes.data, { serviceUrl: h.connector.url, user: admin }));
    expect(status).toBe(200);
    expect(JSON.stringify([body, h.connector.posts()])).toContain('Check before I save');
  });
});
