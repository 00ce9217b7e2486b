import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../jobs/reminders.js';
import { createLogger } from '../../src/log.js';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, LEAD, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { pendingOf } from './milestones-helpers.js';

/**
 * An area whose references look like FB-2041 (given at setup): the hints that name a reference use
 * it, never C1042, which its pattern refuses. One check per kind of place: a command's refusal, a
 * model rule's refusal, a form's error, a confirmation, and a reminder a job sends.
 */
const WORKSPACE = 'T-FB-HINTS';
let bot: TestBot;
const say = async (user: typeof ADMIN, text: string) => replyText(await bot.say(user, text));
const csv = (text: string) => ({ name: 'tracker.csv', data: Buffer.from(text, 'utf8') });

beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE, now: '2026-11-19T10:00:00Z' });
  expect(await say(ADMIN, 'setup programme "Fernbank PACE" pattern FB-2041')).toMatch(/FB-2041|saved|set up/i);
  await say(LEAD, 'hello');
  await say(ADMIN, 'group add "Permanence"');
  await say(ADMIN, `group permanence lead ${LEAD.name}`);
  await bot.db.collection('groups').updateOne(
    { workspaceId: WORKSPACE, key: 'permanence' },
    { $set: { aim: { statement: 'Recommend sooner', target: '90% within 26 weeks', targetDate: '2027-12-31', measureKey: 'accommodated-to-permanence-recommendation' } } },
  );
});
afterAll(async () => bot?.drop());

describe('hints in an area whose references look like FB-1042', () => {
  it('`case` with no reference, or with a word that is not one', async () => {
    const usage = await say(MEMBER, 'case');
    expect(usage).toMatch(/Try `case FB-1042` for the journey/);
    const refused = await say(MEMBER, 'case Sophie');
    expect(refused).toMatch(/Please give a case reference \(like FB-1042\), never a name — e\.g\. `case FB-1042`/);
    for (const said of [usage, refused]) expect(said).not.toMatch(/C1042/);
  });

  it('a team: with no letters, or asked for before any case has one', async () => {
    const noLetters = await say(MEMBER, 'FB-3001 team 42');
    expect(noLetters).toMatch(/Give the team a name with letters, e\.g\. `FB-1042 team North`/);
    const none = await say(LEAD, 'overdue team North');
    expect(none).toMatch(/No case has a team yet: say e\.g\. `FB-1042 team North`/);
    for (const said of [noLetters, none]) expect(said).not.toMatch(/C1042/);
  });

  it('keeping a case: how to say it, and a date already past', async () => {
    const usage = await say(ADMIN, 'case FB-3001 keep for a while');
    expect(usage).toMatch(/Say it like `case FB-1042 keep until 30 Jun 2027 because awaiting the court date`/);
    await say(ADMIN, 'FB-3001 team North'); // the case exists
    const past = await say(ADMIN, 'case FB-3001 keep until 1 Jan 2020 because awaiting the court date');
    expect(past).toMatch(/Give a date ahead, like `case FB-3001 keep until/);
    for (const said of [usage, past]) expect(said).not.toMatch(/C1042/);
  });

  it('a message refused for an identifier says to use the reference, as the area writes it', async () => {
    const said = await say(MEMBER, 'FB-3001 team EH1 2NG');
    expect(said).toMatch(/looks like a postcode.*use the case reference \(e\.g\. FB-1042\) instead/);
    expect(said).not.toMatch(/C1042/);
  });

  it('`help` topics: the commands’ examples', async () => {
    for (const topic of ['case', 'alert', 'dates']) {
      const said = await say(ADMIN, `help ${topic}`);
      expect(said).toMatch(/FB-1042/);
      expect(said).not.toMatch(/C1042/);
    }
  });

  it('an alert typed without its child', async () => {
    const said = await say(LEAD, 'snooze 4 weeks "awaiting court date"');
    expect(said).toMatch(/Start with the case reference, e\.g\. `snooze FB-1042 4 weeks "awaiting court date"`/);
  });

  it('a derived measure typed in', async () => {
    const said = await say(MEMBER, 'measure record acc-rec Oct 2026 20');
    expect(said).toMatch(/Tell me the milestones instead, e\.g\. \*FB-1042 accommodated 3 Oct\*/);
    expect(said).not.toMatch(/C1042/);
  });

  it('the Edit form refusing a reference in the wrong format', async () => {
    const id = pendingOf(await bot.say(MEMBER, 'FB-3002 accommodated 3 Oct'));
    const form = firstCard(await bot.act(MEMBER, 'milestone.edit', { pending: id }));
    const values = Object.fromEntries(form.form!.inputs.map((i) => [i.id, typeof i.value === 'string' ? i.value : '']));
    const replies: Reply[] = await bot.act(MEMBER, 'milestone.edit.save', { pending: id }, { ...values, case_1: 'Jamie' });
    const errors = replies[0]!.kind === 'form_errors' ? replies[0]!.errors : {};
    expect(errors.case_1).toMatch(/isn’t a case reference in this programme’s format \(like FB-1042\)/);
  });

  it('a new milestone’s “Members can now say”', async () => {
    const said = await say(ADMIN, 'milestone add "sibling assessment" after "first LAC review"');
    expect(said).toMatch(/Members can now say: _?FB-1042 sibling assessment 3 Nov/);
    expect(said).not.toMatch(/C1042/);
  });

  it('the leads’ reminder of planned dates that passed', async () => {
    const preview = firstCard(await bot.send(ADMIN, [csv('Case ref,Accommodated,Permanence recommendation\nFB-3010,01/09/2026,20/11/2026\n')]));
    const confirm = preview.buttons!.find((b) => b.id === 'confirm')!.action;
    await bot.act(ADMIN, confirm.verb, confirm.data ?? {});
    await bot.db.collection('cases').updateMany({ workspaceId: WORKSPACE }, { $set: { groupKey: 'permanence' } });
    const clock = () => new Date('2026-11-23T09:00:00Z');
    await runReminders({ db: bot.db, logger: createLogger('silent'), clock });
    const queued = JSON.stringify(await bot.db.collection('deliveries').find({ workspaceId: WORKSPACE, 'recipient.id': LEAD.id }).toArray());
    expect(queued).toMatch(/Planned dates that passed/);
    expect(queued).toMatch(/record the date \(e\.g\. `FB-1042 LAC review 14\/10`\)/);
    expect(queued).not.toMatch(/C1042/);
  });
});
