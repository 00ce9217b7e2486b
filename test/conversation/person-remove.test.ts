import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LEAD, firstCard, type TestBot, createTestBot, replyText } from '../helpers/test-bot.js';
import { webPeople } from '../../adapters/web/web-people.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';

// A person added by mistake (here "Ravi Shah as coach", from before `as coach` was understood) can
// be removed, after a card that says what they hold; someone still holding work is handed over first.

let bot: TestBot;
// The local chat's own workspace, so its “You are” list is this programme's people.
const WS = LOCAL_WORKSPACE_ID;
const members = () => bot.db.collection('members');
const groups = () => bot.db.collection('groups');
const audit = (action: string) => bot.db.collection('audit').find({ workspaceId: WS, action }).toArray();

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z', workspaceId: WS });
  await bot.say(ADMIN, 'setup programme "People PACE"');
  await bot.say(LEAD, 'whoami');
  await bot.say(ADMIN, 'group add "Legal"');
  await bot.say(ADMIN, 'person add "Ravi Shah as coach"');
  await bot.say(ADMIN, 'group legal member "Ravi Shah as coach"');
}, 60_000);
afterAll(() => bot?.drop());

const pressed = async (replies: Awaited<ReturnType<TestBot['say']>>, id: string) => {
  const button = firstCard(replies).buttons!.find((b) => b.id === id)!;
  return bot.act(ADMIN, button.action.verb, button.action.data ?? {});
};

describe('role commands match a person’s name exactly', () => {
  it('`coach add "Ravi Shah"` does not pick "Ravi Shah as coach" by the start of the name', async () => {
    const said = replyText(await bot.say(ADMIN, 'coach add "Ravi Shah"'));
    expect(said).not.toMatch(/is now a coach/);
    expect(said).toMatch(/No one is called exactly "Ravi Shah"\. Did you mean "Ravi Shah as coach"\?/);
    expect(said).toMatch(/someone new: Add them first: `person add "Ravi Shah"`/);
    expect((await members().findOne({ workspaceId: WS, name: 'Ravi Shah as coach' }))!.roles).toEqual([]);
  });

  it('asks which one when a first name fits several people, and still takes a name said in full in any case', async () => {
    await bot.say(ADMIN, 'person add "Ravi Patel"');
    const said = replyText(await bot.say(ADMIN, 'coach add Ravi'));
    expect(said).toMatch(/More than one person matches "Ravi": .*Ravi Patel/);
    expect(said).toMatch(/More than one person matches "Ravi": .*Ravi Shah as coach/);
    expect(replyText(await bot.say(ADMIN, 'coach add "ravi patel"'))).toMatch(/Ravi Patel is now a coach/);
  });
});

describe('`person remove "<name>"`', () => {
  it('is for admins only', async () => {
    expect(replyText(await bot.say(LEAD, 'person remove "Ravi Shah as coach"'))).toMatch(/Only an admin/);
  });

  it('asks first on a card with what they hold, and changes nothing until Confirm', async () => {
    const replies = await bot.say(ADMIN, 'person remove "Ravi Shah as coach"');
    const card = firstCard(replies);
    expect(card.title).toMatch(/Remove Ravi Shah as coach\?/);
    expect(JSON.stringify(card.facts)).toMatch(/Groups.*member of `legal`/);
    expect(await members().countDocuments({ workspaceId: WS, name: 'Ravi Shah as coach' })).toBe(1);
    expect(replyText(await pressed(replies, 'keep'))).toMatch(/Nothing changed/);
    expect(await members().countDocuments({ workspaceId: WS, name: 'Ravi Shah as coach' })).toBe(1);
  });

  it('removes them from the groups, the “You are” list and the bot, audited once', async () => {
    const replies = await bot.say(ADMIN, 'person remove "Ravi Shah as coach"');
    expect(replyText(await pressed(replies, 'remove'))).toMatch(/Ravi Shah as coach is removed/);
    expect(await members().countDocuments({ workspaceId: WS, name: 'Ravi Shah as coach' })).toBe(0);
    const legal = await groups().findOne({ workspaceId: WS, key: 'legal' });
    expect([...legal!.leads, ...legal!.members, ...legal!.coaches]).not.toContain('local-ravi-shah-as-coach');
    const [entry, ...more] = await audit('remove_person');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ entity: 'member', entityId: 'local-ravi-shah-as-coach', actor: { userId: ADMIN.id } });
    expect(entry!.before).toMatchObject({ name: 'Ravi Shah as coach', groups: ['legal'] });
    // The question is closed only once the removal is whole.
    const asked = await bot.db.collection('pending_actions').find({ workspaceId: WS, kind: 'people.remove' }).toArray();
    expect(asked.map((q) => q.status).sort()).toEqual(['cancelled', 'done']);
    // The button a second time changes nothing.
    expect(replyText(await pressed(replies, 'remove'))).toMatch(/already answered/);
    expect(await audit('remove_person')).toHaveLength(1);
  });

  it('no longer offers them under “You are” in the local chat', async () => {
    const offered = (await webPeople(bot.db)).map((p) => p.name);
    expect(offered).toContain('Ravi Patel');
    expect(offered).not.toContain('Ravi Shah as coach');
  });

  it('refuses while they hold open cases or tests of change, with the hand-over to say', async () => {
    await bot.say(ADMIN, 'person add "Sam Lee"');
    await bot.db.collection('cases').insertOne({
      workspaceId: WS,
      caseRef: 'C2001',
      ownerId: 'local-sam-lee',
      milestones: { accommodated: { actual: '2026-06-01' } },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const said = replyText(await bot.say(ADMIN, 'person remove "Sam Lee"'));
    expect(said).toMatch(/Sam Lee still holds 1 open case and 0 open tests of change/);
    expect(said).toMatch(/`hand over "Sam Lee" to "<name>"`/);
    expect(said).not.toMatch(/C2001/);
    expect(await members().countDocuments({ workspaceId: WS, userId: 'local-sam-lee' })).toBe(1);
  });

  it('says who to name when nobody matches, and will not remove you or the last admin', async () => {
    // Nobody to remove: not told to add them first.
    const nobody = replyText(await bot.say(ADMIN, 'person remove "Nobody Known"'));
    expect(nobody).toMatch(/No one here is called "Nobody Known"\. `people` lists everyone\./);
    expect(nobody).not.toMatch(/person add/);
    expect(replyText(await bot.say(ADMIN, 'person remove "Alex Admin"'))).toMatch(/You can’t remove yourself/);
    expect(replyText(await bot.say(ADMIN, 'person remove'))).toMatch(/Say who, e\.g\. `person remove "Sam Lee"`/);
  });

  it('a removal stopped half way is finished by the repair sweep, audited once', async () => {
    await bot.say(ADMIN, 'person add "Kit Moss" as member of legal');
    const asked = firstCard(await bot.say(ADMIN, 'person remove "Kit Moss"'));
    const id = String(asked.buttons!.find((b) => b.id === 'remove')!.action.data!.pending);
    // As if the Confirm had claimed it and taken Kit off the group before the process stopped.
    const { ObjectId } = await import('mongodb');
    await bot.db.collection('pending_actions').updateOne({ _id: new ObjectId(id) }, { $set: { status: 'applying', leaseUntil: new Date('2026-11-19T09:00:00Z') } });
    await groups().updateOne({ workspaceId: WS, key: 'legal' }, { $pull: { members: 'local-kit-moss' } } as never);
    const later = new Date('2026-11-19T10:00:00Z');
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ removals: 1 });
    expect(await finishStoppedChanges(bot.db, later)).toMatchObject({ removals: 0 });
    expect(await members().countDocuments({ workspaceId: WS, userId: 'local-kit-moss' })).toBe(0);
    expect((await audit('remove_person')).filter((e) => e.entityId === 'local-kit-moss')).toHaveLength(1);
  });
});

describe('removing someone who holds drift alerts', () => {
  const notices = () => bot.db.collection('notices');
  const alert = (key: string, holderIds: string[], extra: Record<string, unknown> = {}) => ({
    workspaceId: WS,
    kind: 'drift',
    key,
    caseRef: 'C2101',
    groupKey: 'legal',
    holderIds,
    status: 'open',
    round: 0,
    queuedRound: 0,
    version: 0,
    createdAt: new Date('2026-11-18T08:00:00Z'),
    updatedAt: new Date('2026-11-18T08:00:00Z'),
    ...extra,
  });

  it('names the groups on the card, and how to give a group left without a lead a new one', async () => {
    await bot.say(ADMIN, 'group add "Panel"');
    await bot.say(ADMIN, 'person add "Ola Lead" as lead of panel');
    const replies = await bot.say(ADMIN, 'person remove "Ola Lead"');
    expect(JSON.stringify(firstCard(replies).facts)).toMatch(/Groups.*lead of `panel`/);
    expect(replyText(replies)).toMatch(/`panel` will have no lead until you name one: `group panel lead <name>`/);
    expect(replyText(await pressed(replies, 'remove'))).toMatch(/Ola Lead is removed from pacebot and from every group\. `panel` now has no lead until you name one: `group panel lead <name>`\./);
  });

  it('gives an alert they held alone back to their group’s leads, to be told afresh; a shared one keeps its other holders', async () => {
    await bot.say(ADMIN, 'person add "Jo Park" as member of legal');
    await bot.say(ADMIN, 'group legal lead "Lee Lead"');
    const lead = (await members().findOne({ workspaceId: WS, name: 'Lee Lead' }))!.userId as string;
    const jo = 'local-jo-park';
    await notices().insertMany([
      // Handed to Jo by the lead, and already told to Jo.
      alert('drift:legal:C2101:a:b:12', [jo], { handedBy: { userId: lead, name: 'Lee Lead' }, toldTo: [{ userId: jo, at: new Date('2026-11-18T08:00:00Z') }] }),
      alert('drift:legal:C2102:a:b:12', [jo, 'someone-else'], { caseRef: 'C2102' }),
      alert('drift:legal:C2103:a:b:12', [jo], { caseRef: 'C2103', status: 'snoozed', snoozedUntil: new Date('2026-12-20T00:00:00Z') }),
      alert('drift:legal:C2104:a:b:12', [jo], { caseRef: 'C2104', status: 'closed', handedBy: { userId: lead, name: 'Lee Lead' } }),
    ]);
    const replies = await bot.say(ADMIN, 'person remove "Jo Park"');
    expect(JSON.stringify(firstCard(replies).facts)).toMatch(/Drift alerts handed to them.*3/);
    expect(replyText(replies)).toMatch(/Their alerts stay with their group’s leads/);
    // The confirmation counts the alerts still open or snoozed, not the closed one.
    expect(replyText(await pressed(replies, 'remove'))).toMatch(/Jo Park is removed/);
    const [alone, shared, snoozed, closed] = await Promise.all(
      ['C2101', 'C2102', 'C2103', 'C2104'].map((ref) => notices().findOne({ workspaceId: WS, caseRef: ref })),
    );
    // A new version too, so a hand-on read before the removal cannot write Jo back.
    expect(alone).toMatchObject({ holderIds: [lead], round: 1, status: 'open', version: 1 });
    expect(alone).not.toHaveProperty('handedBy');
    expect(alone).not.toHaveProperty('toldTo');
    expect(shared).toMatchObject({ holderIds: ['someone-else'], round: 0 });
    // Snoozed: with the lead, and still quiet until the snooze ends.
    expect(snoozed).toMatchObject({ holderIds: [lead], round: 0, status: 'snoozed' });
    // Closed: nobody is told again; it keeps who handed it on, without Jo.
    expect(closed).toMatchObject({ holderIds: [], status: 'closed', handedBy: { userId: lead } });
  });
});
