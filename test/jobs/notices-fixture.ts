import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { runReminders } from '../../jobs/reminders.js';
import { runSendDeliveries } from '../../jobs/send-deliveries.js';
import { createLogger } from '../../src/log.js';
import type { Notifier } from '../../src/notify.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ADMIN, LEAD, MEMBER, firstCard, type TestBot, type TestUser } from '../helpers/test-bot.js';

export const NOTICES_WS = 'T-NOTICES';
export const GROUP = 'permanence-milestones';
const logger = createLogger('silent');

/**
 * A programme set up through the bot: one aim group, "95% within 26 weeks" from accommodation to
 * the permanence recommendation (its key measure), Lee Lead as lead, Mo Member as a member, and
 * people reached on Slack (the champions' channel is there).
 */
export async function setUpProgramme(bot: TestBot, at: string): Promise<void> {
  bot.setNow(at);
  for (const user of [ADMIN, LEAD, MEMBER]) await bot.say(user, 'whoami');
  await bot.say(ADMIN, 'setup programme "Northshire PACE"');
  await bot.say(
    ADMIN,
    'group add "Permanence milestones" aim "Reduce time from accommodation to permanence recommendation" target "95% within 26 weeks" by 2027-12-31',
  );
  await bot.say(ADMIN, `group ${GROUP} lead Lee Lead`);
  await bot.say(ADMIN, `group ${GROUP} member Mo Member`);
  await bot.db.collection('groups').updateOne(
    { workspaceId: NOTICES_WS, key: GROUP },
    { $set: { 'aim.measureKey': 'accommodated-to-permanence-recommendation' } },
  );
  await bot.db.collection('programmes').updateOne(
    { workspaceId: NOTICES_WS },
    { $set: { championsChannel: { platform: 'slack', conversationId: 'C-CHAMPIONS' } } },
  );
}

/** Says a milestone sentence and presses Confirm on the card, as a member would. */
export async function record(bot: TestBot, user: TestUser, sentence: string): Promise<void> {
  const card = firstCard(await bot.say(user, sentence));
  const confirm = card.buttons!.find((b) => b.id === 'confirm')!;
  await bot.act(user, confirm.action.verb, confirm.action.data ?? {});
}

/** One pass of the noticing jobs (drift alerts; reminders, which ask "did it happen?" first), then the sender. */
export async function tick(bot: TestBot, slack: Notifier, iso: string, owner = 'test'): Promise<number> {
  const clock = () => new Date(iso);
  bot.setNow(iso);
  const queued = (await runDriftAlerts({ db: bot.db, logger, clock })) + (await runReminders({ db: bot.db, logger, clock }));
  await runSendDeliveries({ db: bot.db, logger, clock, owner, notifiers: { slack } });
  return queued;
}

/** Direct messages the fake Slack received for a user (the fake opens D<id> for U<id>). */
export const dmTo = (fake: FakeSlackApi, user: TestUser) =>
  fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${user.id.replace(/^U/, '')}`);

/** Everything posted anywhere but a direct message. */
export const channelPosts = (fake: FakeSlackApi) =>
  fake.callsTo('chat.postMessage').filter((c) => !String(c.body.channel).startsWith('D'));

export const shown = (calls: { body: Record<string, unknown> }[]) => JSON.stringify(calls.map((c) => [c.body.text, c.body.blocks]));

interface StoredButton {
  id: string;
  action: { verb: string; data: Record<string, string> };
}
interface StoredCard {
  title: string;
  buttons?: StoredButton[];
}

/** The cards queued for a user by the noticing jobs, oldest first, as stored for delivery. */
export async function cardsFor(bot: TestBot, user: TestUser): Promise<StoredCard[]> {
  const records = await bot.db
    .collection('deliveries')
    .find({ 'recipient.id': user.id, sourceId: /^notice:/ }, { sort: { createdAt: 1, _id: 1 } })
    .toArray();
  return records.map((r) => (r.replies as { card: StoredCard }[])[0]!.card);
}

/** A button of a stored card, by id. */
export function button(card: StoredCard, id: string): StoredButton {
  const found = card.buttons?.find((b) => b.id === id);
  if (!found) throw new Error(`no button ${id} on ${card.title}`);
  return found;
}
