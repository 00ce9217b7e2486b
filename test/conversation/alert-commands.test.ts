import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriftAlerts } from '../../jobs/drift-alerts.js';
import { createLogger } from '../../src/log.js';
import { ADMIN, LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { GROUP, NOTICES_WS, cardsFor, record, setUpProgramme } from '../jobs/notices-fixture.js';

// The drift alerts' buttons, typed: `alerts` lists them, `snooze C1042 4 weeks "…"` and
// `hand on C1042 to Sam` do what the Snooze and Hand buttons do, through the same model functions.

let bot: TestBot;
const logger = createLogger('silent');
const NOW = '2026-11-10T10:00:00Z';

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-10-01T10:00:00Z');
  await record(bot, MEMBER, 'C1090 accommodated 4 May 2026');
  await record(bot, MEMBER, 'C1091 accommodated 27 Apr 2026');
  await record(bot, MEMBER, 'C1092 accommodated 1 Sep 2026');
  await runDriftAlerts({ db: bot.db, logger, clock: () => new Date(NOW) });
  bot.setNow(NOW);
}, 60_000);
afterAll(async () => {
  await bot.drop();
});

const say = async (user: typeof LEAD, words: string, kind: 'direct' | 'channel' = 'direct') => replyText(await bot.say(user, words, { kind }));
const auditOf = (caseRef: string, action: string) =>
  bot.db.collection('audit').find({ workspaceId: NOTICES_WS, entity: 'case', entityId: caseRef, action }).toArray();
const alertOf = (caseRef: string) => bot.db.collection('notices').findOne({ workspaceId: NOTICES_WS, kind: 'drift', caseRef });

describe('`alerts`', () => {
  it('lists a lead’s open alerts in a direct message: case, stage, time waiting, longest first, and what to say', async () => {
    const said = await say(LEAD, 'alerts');
    expect(said).toMatch(/Open alerts you can act on\* \(2 children\)/);
    expect(said).toMatch(/C1091\*: 28 weeks 1 day since accommodation, no permanence recommendation yet[\s\S]*C1090\*: 27 weeks 1 day since accommodation/);
    expect(said).not.toMatch(/C1092/);
    expect(said).toMatch(/`snooze C1091 4 weeks "awaiting court date"` or `hand on C1091 to @name`/);
    // The rules still follow.
    expect(said).toMatch(/more than 26 weeks from accommodation without permanence recommendation \(from its aim\)/);
  });

  it('gives only counts in a channel, never a case reference', async () => {
    const said = await say(LEAD, 'alerts', 'channel');
    expect(said).toMatch(/fewer than 5 children with open alerts you can act on/);
    expect(said).toMatch(/direct message/);
    expect(said).not.toMatch(/C109\d/);
    // Acting on one is for a direct message too, with or without a reference.
    expect(await say(LEAD, 'snooze 4 weeks "awaiting court date"', 'channel')).toMatch(/answer them in our direct messages/);
    expect(await say(LEAD, 'hand on C1090 to Mo', 'channel')).toMatch(/Please ask me that in a direct message/);
  });

  it('leaves the reminders’ own snooze to the reminders in a channel, quoted or not', async () => {
    expect(await say(MEMBER, 'snooze "a week"', 'channel')).toMatch(/Snoozed: no reminders until/);
    expect(await say(MEMBER, 'snooze “3 days”', 'channel')).toMatch(/Snoozed: no reminders until/);
    const held = await bot.db.collection('members').findOne({ workspaceId: NOTICES_WS, userId: MEMBER.id });
    expect(held!.awayUntil).toEqual(new Date(new Date(NOW).getTime() + 3 * 86_400_000));
    await say(MEMBER, 'back', 'channel');
  });

  it('shows a member with no alerts that there are none for them', async () => {
    expect(await say(MEMBER, 'alerts')).toMatch(/No open alerts for you to act on/);
  });
});

describe('`snooze <case> <n> weeks "<reason>"`', () => {
  it('says what was wrong and the right wording', async () => {
    expect(await say(LEAD, 'snooze 4 weeks "awaiting court date"')).toMatch(/Start with the case reference, e\.g\. `snooze C1042 4 weeks "awaiting court date"`/);
    expect(await say(LEAD, 'snooze C1090')).toMatch(/Say for how many weeks and why, e\.g\. `snooze C1090 4 weeks "awaiting court date"`/);
    expect(await say(LEAD, 'snooze C1090 4 weeks')).toMatch(/Say why the wait is expected.*e\.g\. `snooze C1090 4 weeks "awaiting court date"`/);
    expect(await say(LEAD, 'snooze C1090 40 weeks "awaiting court date"')).toMatch(/Snooze for 1 to 26 weeks/);
    expect(await say(LEAD, 'snooze C1092 4 weeks "awaiting court date"')).toMatch(/You have no open alert for C1092/);
    expect(await say(LEAD, 'snooze C1090 4 weeks "waiting, born 03/04/2015"')).toMatch(/looks like a date of birth/);
    expect(await auditOf('C1090', 'alert_snooze')).toHaveLength(0);
  });

  it('is refused to someone who neither holds the alert nor leads its group, as if there were none', async () => {
    expect(await say(MEMBER, 'snooze C1090 4 weeks "awaiting court date"')).toMatch(/You have no open alert for C1090/);
    expect((await alertOf('C1090'))!.status).toBe('open');
  });

  it('snoozes the alert as the button does: the reason checked, kept and audited in the same write', async () => {
    expect(await say(LEAD, 'snooze c1090 4 weeks "waiting for court date"')).toMatch(/Snoozed: I won’t mention C1090 again before 8 Dec 2026/);
    const [entry] = await auditOf('C1090', 'alert_snooze');
    expect(entry!.actor).toEqual({ userId: LEAD.id, name: LEAD.name });
    expect(entry!.after).toMatchObject({ status: 'snoozed', weeks: 4, reason: { category: 'court', text: 'waiting for court date' } });
    expect(JSON.stringify(entry!.source)).not.toMatch(/snooze/);
    const alert = await alertOf('C1090');
    expect(alert).toMatchObject({ status: 'snoozed' });
    expect(alert!.pendingAudit).toBeUndefined();
    // Snoozed alerts are listed apart, with the day they come back.
    expect(await say(LEAD, 'alerts')).toMatch(/Snoozed\* \(1 child\)[\s\S]*C1090 until 8 Dec 2026/);
  });

  it('also reads `alert <case> snooze …`, and leaves the reminders’ own `snooze 3 days` alone', async () => {
    expect(await say(ADMIN, 'alert C1091 snooze 2 weeks "awaiting panel"')).toMatch(/Snoozed: I won’t mention C1091 again before 24 Nov 2026/);
    expect((await auditOf('C1091', 'alert_snooze'))[0]!.after).toMatchObject({ weeks: 2, reason: { category: 'panel' } });
    expect(await say(LEAD, 'snooze 3 days')).toMatch(/Snoozed: no reminders until/);
  });
});

describe('`hand on <case> to <person>`', () => {
  it('says what was wrong and the right wording', async () => {
    expect(await say(LEAD, 'hand on C1091')).toMatch(/Say who should follow it up, e\.g\. `hand on C1091 to @Sam`/);
    expect(await say(LEAD, 'hand on C1091 to Nobody Known')).toMatch(/I don't know "Nobody Known" yet/);
    expect(await say(LEAD, 'alert C1091 hand to Lee Lead')).toMatch(/That’s you/);
    expect(await say(LEAD, 'alert C1091 wiggle')).toMatch(/e\.g\. `alert C1091 hand to @Sam` or `alert C1091 snooze 4 weeks "awaiting court date"`/);
    expect(await auditOf('C1091', 'alert_hand')).toHaveLength(0);
  });

  it('hands the alert on as the button does: audited, and the member gets it privately at once', async () => {
    expect(await say(LEAD, 'hand on C1091 to Mo')).toMatch(/Handed to Mo Member: they’ll get the alert for C1091 in a direct message/);
    const [entry] = await auditOf('C1091', 'alert_hand');
    expect(entry!.after).toMatchObject({ holderIds: [MEMBER.id], handedBy: { userId: LEAD.id } });
    expect((await cardsFor(bot, MEMBER)).map((c) => c.title)).toEqual(['C1091 has waited 28 weeks 1 day for permanence recommendation']);
    // Mo holds it now, so Mo can act on it too.
    expect(await say(MEMBER, 'alerts')).toMatch(/C1091\*: 28 weeks 1 day since accommodation/);
    expect(await say(MEMBER, `alert C1091 hand to @${LEAD.id}`)).toMatch(/Handed to Lee Lead/);
  });
});

describe('help', () => {
  it('lists the typed alert commands for a lead', async () => {
    const said = await say(LEAD, 'help all');
    expect(said).toMatch(/`hand on <case> to @person`/);
    expect(said).toMatch(/`alert <case> snooze <n> weeks "<reason>"/);
    expect(said).toMatch(/snooze C1042 4 weeks/);
    const topic = await say(LEAD, 'help alert');
    expect(topic).toMatch(/`alerts \[/);
    expect(topic).toMatch(/`hand on <case> to @person`/);
    expect(await say(LEAD, 'help')).toMatch(/`help alert`/);
    expect(await say(LEAD, `alerts ${GROUP} sometime`)).toMatch(/Say how long/);
  });
});
