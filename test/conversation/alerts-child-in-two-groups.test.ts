import type { WithId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { createLogger } from '../../src/log.js';
import { handTo, snoozeAlert } from '../../src/programme/alerts/change-alert.js';
import { ALERTS_CHANGE_KIND, ALERTS_CHANGE_LEASE_MS, changeChildAlerts } from '../../src/programme/alerts/change-child-alerts.js';
import type { ModelContext } from '../../src/programme/model-context.js';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';
import type { Notice } from '../../src/store/schemas/notice.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { NOTICES_WS, cardsFor, record, setUpProgramme } from '../jobs/notices-fixture.js';

// A child in no group is past each group's alert time on its own: with two groups, two alerts for one
// child. `alerts` names and counts the child once; a typed snooze or hand-on changes all of the
// child's alerts or none, and a change stopped part-way is finished by the repair sweep, once.

const logger = createLogger('silent');
const NOW = '2026-11-10T10:00:00Z';
const SECOND = 'early-permanence';
let bot: TestBot;

const say = async (user: typeof LEAD, words: string, kind: 'direct' | 'channel' = 'direct') => replyText(await bot.say(user, words, { kind }));
const alertsOf = (caseRef: string) =>
  bot.db.collection<Notice>('notices').find({ workspaceId: NOTICES_WS, kind: 'drift', caseRef }, { sort: { _id: 1 } }).toArray();
const auditOf = (caseRef: string, action: string) =>
  bot.db.collection('audit').find({ workspaceId: NOTICES_WS, entity: 'case', entityId: caseRef, action }).toArray();
const pendingOf = (caseRef: string) => bot.db.collection('pending_actions').findOne({ workspaceId: NOTICES_WS, kind: ALERTS_CHANGE_KIND, 'payload.caseRef': caseRef });

/** A model context acting as the lead, as a chat turn would give one. */
const asLead = async (): Promise<ModelContext> => {
  const store = workspaceStore(bot.db, NOTICES_WS);
  return {
    store,
    now: new Date(NOW),
    programme: await store.programmes.findOne({}),
    actor: () => ({ userId: LEAD.id, name: LEAD.name }),
    source: () => ({ platform: 'web', eventId: 'evt-model' }),
  };
};

/**
 * What a change that stopped after writing its first alert leaves: the record still `applying` (its
 * lease run out), the other alerts as before, their audit entries never written, nobody told.
 */
async function stopAfterFirst(caseRef: string, before: readonly WithId<Notice>[]): Promise<void> {
  const pending = (await pendingOf(caseRef))!;
  const [, ...rest] = (pending.payload as { alerts: string[] }).alerts;
  for (const id of rest) {
    const { _id, ...was } = before.find((n) => n._id.toHexString() === id)!;
    await bot.db.collection('notices').replaceOne({ _id }, was);
    await bot.db.collection('audit').deleteMany({ workspaceId: NOTICES_WS, changeKey: `alerts-${pending._id.toHexString()}-${id}` });
  }
  await bot.db
    .collection('pending_actions')
    .updateOne({ _id: pending._id }, { $set: { status: 'applying', leaseUntil: new Date(new Date(NOW).getTime() - 1) } });
}

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-10-01T10:00:00Z');
  await bot.say(ADMIN, 'group add "Early permanence" aim "Permanence recommendation sooner" target "95% within 30 weeks" by 2027-12-31');
  await bot.say(ADMIN, `group ${SECOND} lead Lee Lead`);
  await bot.db.collection('groups').updateOne({ workspaceId: NOTICES_WS, key: SECOND }, { $set: { 'aim.measureKey': 'accommodated-to-permanence-recommendation' } });
  // In no group: 31-32 weeks, past both groups' times; C9003 at 27 weeks is past the first only.
  await record(bot, MEMBER, 'C9001 accommodated 6 Apr 2026');
  await record(bot, MEMBER, 'C9002 accommodated 30 Mar 2026');
  await record(bot, MEMBER, 'C9003 accommodated 4 May 2026');
  await record(bot, MEMBER, 'C9004 accommodated 23 Mar 2026');
  await record(bot, MEMBER, 'C9005 accommodated 16 Mar 2026');
  await runDriftAlerts({ db: bot.db, logger, clock: () => new Date(NOW) });
  bot.setNow(NOW);
}, 60_000);
afterAll(async () => {
  await bot.drop();
});

describe('`alerts` for a child past two groups’ times', () => {
  it('names the child once, with both groups, and counts children', async () => {
    expect(await alertsOf('C9001')).toHaveLength(2);
    const said = await say(LEAD, 'alerts');
    expect(said).toMatch(/Open alerts you can act on\* \(5 children\)/);
    const lines = said.split('\n').filter((line) => line.startsWith('- *C9'));
    expect(lines.map((line) => /C\d{4}/.exec(line)![0])).toEqual(['C9005', 'C9004', 'C9002', 'C9001', 'C9003']);
    expect(lines[3]).toBe('- *C9001*: 31 weeks 1 day since accommodation, no permanence recommendation yet (Early permanence, Permanence milestones)');
    expect(lines[4]).toMatch(/C9003\*: 27 weeks .*\(Permanence milestones\)$/);
    expect(await say(LEAD, 'alerts', 'channel')).toMatch(/^5 children with open alerts you can act on\./);
  });

  it('answers a member the same whether the child has no alert or only another group’s', async () => {
    const none = await say(MEMBER, 'snooze C9999 4 weeks "awaiting court date"');
    const others = await say(MEMBER, 'snooze C9001 4 weeks "awaiting court date"');
    expect(none).toBe('You have no open alert for C9999. Say `alerts` to see the ones you can act on.');
    expect(others).toBe(none.replace('C9999', 'C9001'));
  });
});

describe('a typed snooze or hand-on for that child', () => {
  beforeEach(() => bot.setNow(NOW));

  it('snoozes both alerts, each audited, and nothing at all when the reason is refused', async () => {
    expect(await say(LEAD, 'snooze C9001 4 weeks "waiting, born 03/04/2015"')).toMatch(/looks like a date of birth/);
    expect(await say(LEAD, 'snooze C9001 40 weeks "awaiting court date"')).toMatch(/Snooze for 1 to 26 weeks/);
    expect((await alertsOf('C9001')).map((n) => n.status)).toEqual(['open', 'open']);
    expect(await pendingOf('C9001')).toBeNull();
    expect(await say(LEAD, 'snooze C9001 4 weeks "awaiting court date"')).toMatch(/Snoozed: I won’t mention C9001 again before 8 Dec 2026/);
    const alerts = await alertsOf('C9001');
    expect(alerts.map((n) => [n.status, n.snoozedUntil?.toISOString(), n.pendingAudit])).toEqual([
      ['snoozed', '2026-12-08T10:00:00.000Z', undefined],
      ['snoozed', '2026-12-08T10:00:00.000Z', undefined],
    ]);
    const entries = await auditOf('C9001', 'alert_snooze');
    expect(entries.map((e) => (e.after as { alert: string }).alert).sort()).toEqual(alerts.map((n) => n.key).sort());
    expect((await pendingOf('C9001'))!.status).toBe('done');
  });

  it('refuses the whole hand-on, before any write, when one alert changed since it was read', async () => {
    const ctx = await asLead();
    const read = (await alertsOf('C9002')) as WithId<Notice>[];
    // Someone snoozes the second alert by its button meanwhile.
    await snoozeAlert(ctx, read[1]!, { weeks: 2, reason: 'awaiting panel' });
    await expect(changeChildAlerts(ctx, read, handTo({ userId: MEMBER.id, name: MEMBER.name }))).rejects.toMatchObject({ code: 'edit_conflict' });
    const after = await alertsOf('C9002');
    expect(after[0]).toMatchObject({ status: 'open', holderIds: [LEAD.id], version: read[0]!.version });
    expect(after[1]).toMatchObject({ status: 'snoozed', holderIds: [LEAD.id] });
    expect(await auditOf('C9002', 'alert_hand')).toHaveLength(0);
    expect(await pendingOf('C9002')).toBeNull();
  });

  it('a snooze stopped after its first alert is finished by the repair sweep, once', async () => {
    const before = await alertsOf('C9004');
    expect(await say(LEAD, 'snooze C9004 4 weeks "awaiting court date"')).toMatch(/Snoozed/);
    await stopAfterFirst('C9004', before);
    expect((await alertsOf('C9004')).map((n) => n.status).sort()).toEqual(['open', 'snoozed']);
    const later = new Date(new Date(NOW).getTime() + ALERTS_CHANGE_LEASE_MS);
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ alertChanges: 1 });
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ alertChanges: 0 });
    const after = await alertsOf('C9004');
    expect(after.map((n) => [n.status, n.snoozedUntil?.toISOString(), n.version - before.find((b) => b._id.equals(n._id))!.version])).toEqual([
      ['snoozed', '2026-12-08T10:00:00.000Z', 1],
      ['snoozed', '2026-12-08T10:00:00.000Z', 1],
    ]);
    const entries = await auditOf('C9004', 'alert_snooze');
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.actor.userId === LEAD.id && (e.after as { reason: { text: string } }).reason.text === 'awaiting court date')).toBe(true);
    expect((await pendingOf('C9004'))!.status).toBe('done');
  });

  it('a hand-on stopped after its first alert is finished by the sweep: the member told of each alert once', async () => {
    const before = await alertsOf('C9005');
    expect(await say(LEAD, 'hand on C9005 to Mo')).toMatch(/Handed to Mo Member/);
    expect((await cardsFor(bot, MEMBER)).filter((c) => c.title.startsWith('C9005'))).toHaveLength(2);
    // Stopped before telling anyone, too: the cards and the first alert's claim were never written.
    await bot.db.collection('deliveries').deleteMany({ 'recipient.id': MEMBER.id });
    const [first] = (await pendingOf('C9005'))!.payload.alerts as string[];
    const firstBefore = before.find((n) => n._id.toHexString() === first)!;
    await bot.db.collection('notices').updateOne({ _id: firstBefore._id }, { $set: { queuedRound: firstBefore.queuedRound }, $unset: { toldTo: '', askedAt: '' } });
    await stopAfterFirst('C9005', before);
    const later = new Date(new Date(NOW).getTime() + ALERTS_CHANGE_LEASE_MS);
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ alertChanges: 1 });
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ alertChanges: 0 });
    const after = await alertsOf('C9005');
    expect(after.map((n) => [n.holderIds, n.handedBy?.userId, n.round - before.find((b) => b._id.equals(n._id))!.round])).toEqual([
      [[MEMBER.id], LEAD.id, 1],
      [[MEMBER.id], LEAD.id, 1],
    ]);
    expect(await auditOf('C9005', 'alert_hand')).toHaveLength(2);
    expect((await cardsFor(bot, MEMBER)).map((c) => c.title)).toEqual([
      'C9005 has waited 34 weeks 1 day for permanence recommendation',
      'C9005 has waited 34 weeks 1 day for permanence recommendation',
    ]);
  });
});
