import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';
import { ADMIN, LEAD, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';

let bot: TestBot;
const WS = 'T-TEST';
const members = () => bot.db.collection('members');
const group = () => bot.db.collection('groups').findOne({ workspaceId: WS, key: 'legal-processes' });
const auditOf = (entityId: string) => bot.db.collection('audit').find({ workspaceId: WS, entityId }).toArray();

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "People PACE"');
  await bot.say(ADMIN, 'group add "Legal processes"');
  for (const user of [LEAD, MEMBER]) await bot.say(user, 'hello');
});
afterAll(() => bot?.drop());

describe('adding people before they have spoken to the bot', () => {
  it('the local chat adds a named person, audited, and can put them in a group in one go', async () => {
    const replies = await bot.say(ADMIN, 'person add "Sam Lee" as member of legal-processes');
    expect(firstCard(replies).title).toBe('Person added');
    expect(replyText(replies)).toMatch(/Sam Lee\* is added to pacebot/);
    expect(replyText(replies)).toMatch(/Sam Lee is now a member of \*Legal processes\*/);
    const sam = await members().findOne({ workspaceId: WS, name: 'Sam Lee' });
    expect(sam).toMatchObject({ userId: 'local-sam-lee', addedBy: ADMIN.id, roles: [] });
    expect(sam!.pendingAudit).toBeUndefined(); // its audit entry was written, and cleared
    expect((await group())!.members).toContain('local-sam-lee');
    const entries = await auditOf('local-sam-lee');
    expect(entries.map((e) => e.action)).toEqual(['add_person']);
    expect(entries[0]!.after).toEqual({ userId: 'local-sam-lee', name: 'Sam Lee' });
  });

  it('the same name twice is one person; a name that is not a name is refused with how to say it', async () => {
    const again = replyText(await bot.say(ADMIN, 'add person sam lee'));
    expect(again).toMatch(/already known/);
    // Already in a group: say where, not "Next, give them a group" (a try-out).
    expect(again).toMatch(/Sam Lee is a member of \*Legal processes\*/);
    expect(again).not.toMatch(/Next, give them a group/);
    // A lead is on the member list too: said once, as lead (a phone check read "a lead of X, a member of X").
    await bot.say(ADMIN, 'person add "Pat Kay" as lead of legal-processes');
    const lead = replyText(await bot.say(ADMIN, 'person add "Pat Kay"'));
    expect(lead).toMatch(/Pat Kay is a lead of \*Legal processes\*\./);
    expect(await members().countDocuments({ workspaceId: WS, name: /sam lee/i })).toBe(1);
    expect(replyText(await bot.say(ADMIN, 'person add "12345"'))).toMatch(/person add "Sam Lee"/);
    expect(replyText(await bot.say(MEMBER, 'person add "Kim Ode"'))).toMatch(/Only an admin or a lead can add people/);
    expect(await members().countDocuments({ workspaceId: WS, name: 'Kim Ode' })).toBe(0);
  });

  it('someone known only in an archived group is told to be given a group', async () => {
    await bot.say(ADMIN, 'person add "Ann Roy"');
    await bot.db.collection('groups').insertOne({
      workspaceId: WS, key: 'old-work', name: 'Old work', archived: true, leads: [], coaches: [], members: ['local-ann-roy'],
      subgroupEveryWeeks: 3, createdAt: new Date(),
    });
    const again = replyText(await bot.say(ADMIN, 'person add "Ann Roy"'));
    expect(again).toMatch(/Next, give them a group/);
    expect(again).not.toMatch(/Old work/);
  });

  it('someone the adapter found on the platform (a mention) is added when made a lead; unknown names say how', async () => {
    const people = [{ id: 'U0NEW', name: 'Nia Brown', email: 'nia@example.org', said: ['u0new'] }];
    const said = replyText(await bot.say(ADMIN, 'group legal-processes lead <@U0NEW>', { turn: { platform: 'slack', people } }));
    expect(said).toMatch(/Nia Brown is now a lead of \*Legal processes\*/);
    expect(await members().findOne({ workspaceId: WS, userId: 'U0NEW' })).toMatchObject({ name: 'Nia Brown', email: 'nia@example.org' });
    expect((await group())!.leads).toContain('U0NEW');
    expect(replyText(await bot.say(ADMIN, 'group legal-processes lead Zed', { turn: { platform: 'slack' } }))).toMatch(/@mention \(or give their work e-mail\)/);
    expect(replyText(await bot.say(ADMIN, 'group legal-processes lead Zed'))).toMatch(/person add "Zed"/);
  });

  it('a person added just before the process stopped still gets their audit entry, from the repair sweep', async () => {
    const pendingAudit = {
      key: 'member-stopped-1', entity: 'member', entityId: 'local-ola-berg', action: 'add_person', before: null,
      after: { userId: 'local-ola-berg', name: 'Ola Berg' }, actor: { userId: ADMIN.id, name: ADMIN.name },
      source: { platform: 'web', eventId: 'evt-stopped' }, at: new Date('2026-11-19T09:59:00Z'),
    };
    await members().insertOne({ workspaceId: WS, userId: 'local-ola-berg', name: 'Ola Berg', roles: [], createdAt: new Date(), pendingAudit });
    expect((await finishStoppedChanges(bot.db, new Date('2026-11-19T10:00:00Z'))).audited).toBeGreaterThanOrEqual(1);
    expect((await auditOf('local-ola-berg')).map((e) => e.action)).toEqual(['add_person']);
    expect((await members().findOne({ workspaceId: WS, userId: 'local-ola-berg' }))!.pendingAudit).toBeUndefined();
    await finishStoppedChanges(bot.db, new Date('2026-11-19T10:00:00Z'));
    expect(await auditOf('local-ola-berg')).toHaveLength(1);
  });

  it('a form picker adds the picked people to the new group', async () => {
    const replies = await bot.act(ADMIN, 'setup.group.save', {}, { name: 'Health', addLeads: 'local-sam-lee', addMembers: 'Mo Member, Sam Lee' });
    expect(firstCard(replies).title).toMatch(/Health/);
    const health = await bot.db.collection('groups').findOne({ workspaceId: WS, key: 'health' });
    expect(health!.leads).toEqual(['local-sam-lee']);
    expect(health!.members).toEqual(expect.arrayContaining(['local-sam-lee', MEMBER.id]));
    // Refused beside the Members field, on the form as typed.
    const [unknown] = await bot.act(ADMIN, 'setup.group.save', {}, { name: 'Education', addMembers: 'Nobody Known' });
    expect(unknown!.kind === 'form_errors' && unknown!.errors.addMembers).toMatch(/don't know "Nobody Known"/);
    expect(await bot.db.collection('groups').countDocuments({ workspaceId: WS, key: 'education' })).toBe(0);
  });
});

describe('handing over a departing worker’s open work', () => {
  beforeAll(async () => {
    await recordAndConfirm(bot, 'C1042 accommodated 3 Oct', MEMBER);
    await recordAndConfirm(bot, 'C1077 accommodated 5 Oct', MEMBER);
    const cycle = (number: number, stage: string) => ({
      workspaceId: WS, number, title: `Test ${number}`, changeIdea: 'Set agenda', groupKey: 'legal-processes', ownerId: MEMBER.id, ownerName: MEMBER.name,
      stage, plan: { objective: 'Try it', prediction: 'Faster' }, rampPosition: 1, linkedMeasures: [], notes: [], stageDates: {}, version: 0,
      createdAt: new Date('2026-11-01'), updatedAt: new Date('2026-11-01'),
    });
    await bot.db.collection('pdsa_cycles').insertMany([cycle(1, 'plan'), cycle(2, 'act')]);
  });

  it('asks first, with counts only, and nothing moves until Confirm', async () => {
    const asked = await bot.say(ADMIN, `hand over ${MEMBER.name} to "Sam Lee"`);
    const card = firstCard(asked);
    expect(card.title).toBe('Hand over Mo Member’s work to Sam Lee?');
    expect(replyText(asked)).toMatch(/Open cases: 2/);
    expect(replyText(asked)).toMatch(/Open tests of change: 1 \(T-1\)/);
    expect(replyText(asked)).not.toMatch(/C1042/);
    expect(await bot.db.collection('cases').countDocuments({ workspaceId: WS, ownerId: { $exists: true } })).toBe(0);
    const cancel = card.buttons!.find((b) => b.id === 'keep')!.action;
    expect(replyText(await bot.act(ADMIN, cancel.verb, cancel.data!))).toMatch(/Nothing changed/);
  });

  it('moves the open cases and tests, audited one by one, and `my cases` follows the new holder', async () => {
    const asked = firstCard(await bot.say(ADMIN, `hand over ${MEMBER.name} to "Sam Lee"`));
    const go = asked.buttons!.find((b) => b.id === 'handover')!.action;
    const done = await bot.act(ADMIN, go.verb, go.data!);
    expect(replyText(done)).toMatch(/Sam Lee now holds 2 open cases and 1 test of change from Mo Member/);
    expect(replyText(await bot.act(ADMIN, go.verb, go.data!))).toMatch(/already answered/); // a second click moves nothing
    const cases = await bot.db.collection('cases').find({ workspaceId: WS }).toArray();
    expect(cases.map((c) => c.ownerId)).toEqual(['local-sam-lee', 'local-sam-lee']);
    expect(await bot.db.collection('pdsa_cycles').findOne({ workspaceId: WS, number: 1 })).toMatchObject({ ownerId: 'local-sam-lee', ownerName: 'Sam Lee', version: 1 });
    expect(await bot.db.collection('pdsa_cycles').findOne({ workspaceId: WS, number: 2 })).toMatchObject({ ownerId: MEMBER.id }); // decided: stays
    expect((await auditOf('C1042')).map((e) => e.action)).toContain('hand_over');
    // The case's history says who it went to, not the audit's word for it.
    const history = replyText(await bot.say(ADMIN, 'C1042 history'));
    expect(history).toMatch(/handed it over to Sam Lee/);
    expect(history).not.toMatch(/hand_over/);
    expect((await auditOf('T-1')).map((e) => e.action)).toContain('hand_over');
    expect((await auditOf(MEMBER.id)).find((e) => e.action === 'hand_over')).toMatchObject({ before: { cases: 2, cycles: 1 } });
    expect(replyText(await bot.say(MEMBER, 'my cases'))).toMatch(/You hold no cases yet/);
    const sam = { id: 'local-sam-lee', name: 'Sam Lee' };
    expect(replyText(await bot.say(sam, 'my cases'))).toMatch(/Your cases\* \(2\)/);
  });

  it('a hand-over stopped half way is finished by the repair sweep, once', async () => {
    await recordAndConfirm(bot, 'C2001 accommodated 1 Oct', LEAD);
    await recordAndConfirm(bot, 'C2002 accommodated 2 Oct', LEAD);
    const asked = firstCard(await bot.say(ADMIN, `hand over ${LEAD.name} to ${MEMBER.name}`));
    const id = String(asked.buttons![0]!.action.data!.pending);
    // As if the Confirm had claimed it and moved one case before the process stopped.
    const { ObjectId } = await import('mongodb');
    await bot.db.collection('pending_actions').updateOne({ _id: new ObjectId(id) }, { $set: { status: 'applying', leaseUntil: new Date('2026-11-19T09:00:00Z') } });
    await bot.db.collection('cases').updateOne({ workspaceId: WS, caseRef: 'C2001' }, { $set: { ownerId: MEMBER.id } });
    expect(await finishStoppedChanges(bot.db, new Date('2026-11-19T10:00:00Z'))).toMatchObject({ handovers: 1 });
    expect(await finishStoppedChanges(bot.db, new Date('2026-11-19T10:00:00Z'))).toMatchObject({ handovers: 0 });
    const moved = await bot.db.collection('cases').find({ workspaceId: WS, caseRef: { $in: ['C2001', 'C2002'] } }).toArray();
    expect(moved.map((c) => c.ownerId)).toEqual([MEMBER.id, MEMBER.id]);
    expect((await auditOf(LEAD.id)).filter((e) => e.action === 'hand_over')).toHaveLength(1);
    expect(await bot.db.collection('pending_actions').findOne({ _id: new ObjectId(id) })).toMatchObject({ status: 'done' });
  });
});
