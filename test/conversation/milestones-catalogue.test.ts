import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishStoppedChanges } from '../../src/programme/repair/finish-stopped-changes.js';
import { ADMIN, MEMBER, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { cardRows, milestonesOf, recordAndConfirm } from './milestones-helpers.js';

let bot: TestBot;
const facts = (replies: Awaited<ReturnType<TestBot['say']>>) =>
  Object.fromEntries((firstCard(replies).facts ?? []).map((f) => [f.label, f.value]));
const programme = () => bot.db.collection('programmes').findOne({});
const audits = (action: string) => bot.db.collection('audit').find({ entity: 'programme', action }).toArray();

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Stages PACE"');
});
afterAll(() => bot?.drop());

describe('the Scottish stages in the default catalogue', () => {
  it('records a Children’s Hearing, a CSO made or varied and later LAC reviews in members’ words', async () => {
    await recordAndConfirm(bot, 'C4001 accommodated 1 Sep 2026');
    await recordAndConfirm(bot, 'C4001 first LAC review 14 Sep 2026');
    const card = firstCard(await bot.say(MEMBER, 'C4001 2nd LAC review 1 Nov'));
    expect(cardRows(card)[0]).toMatchObject({ Milestone: 'Second LAC review', Date: 'Sun 1 Nov 2026' });
    await recordAndConfirm(bot, 'C4001 2nd LAC review 1 Nov');
    await recordAndConfirm(bot, 'C4001 third LAC review 15 Nov');
    await recordAndConfirm(bot, "C4001 children's hearing 5 Oct");
    await recordAndConfirm(bot, 'CSO varied for C4001 on 5 Oct');
    expect(await milestonesOf(bot, 'C4001')).toMatchObject({
      second_lac_review: { actual: '2026-11-01' },
      third_lac_review: { actual: '2026-11-15' },
      childrens_hearing: { actual: '2026-10-05' },
      cso_made_or_varied: { actual: '2026-10-05' },
    });
  });

  it('keeps later reviews in order: a 3rd review cannot come before the 2nd', async () => {
    await recordAndConfirm(bot, 'C4002 accommodated 1 Sep 2026');
    await recordAndConfirm(bot, 'C4002 first LAC review 14 Sep 2026');
    await recordAndConfirm(bot, 'C4002 2nd LAC review 1 Nov 2026');
    const said = replyText(await bot.say(MEMBER, 'C4002 3rd LAC review 20 Oct'));
    expect(said).toMatch(/Third LAC review can’t come before second LAC review, which is recorded as 1 Nov 2026/);
  });
});

describe('an admin changes the catalogue', () => {
  it('adds a milestone with other words and its place in the order, on a card, audited in the same write', async () => {
    const replies = await bot.say(ADMIN, 'milestone add "sibling assessment" after "first LAC review" also "sib assessment", "sibling check"');
    expect(firstCard(replies).title).toBe('Milestone added');
    expect(facts(replies)).toMatchObject({
      Milestone: 'sibling assessment',
      'Also understood': 'sib assessment, sibling check',
      'Comes after': 'First LAC review',
    });
    const held = await programme();
    expect(held!.milestones).toContainEqual(expect.objectContaining({ key: 'sibling_assessment', after: ['first_lac_review'] }));
    expect(held!.pendingAudit).toBeUndefined();
    const [entry] = await audits('milestone_add');
    expect(entry).toMatchObject({ actor: { userId: ADMIN.id }, after: { key: 'sibling_assessment', after: ['first_lac_review'] } });

    // Members' words now name it, and the order is kept.
    await recordAndConfirm(bot, 'C4003 accommodated 1 Sep 2026');
    await recordAndConfirm(bot, 'C4003 first LAC review 20 Sep 2026');
    expect(replyText(await bot.say(MEMBER, 'C4003 sib assessment 10 Sep'))).toMatch(/can’t come before first LAC review/);
    await recordAndConfirm(bot, 'C4003 sibling check 1 Oct');
    expect(await milestonesOf(bot, 'C4003')).toMatchObject({ sibling_assessment: { actual: '2026-10-01' } });

    // The list shows it right after what it follows.
    const list = replyText(await bot.say(MEMBER, 'milestones'));
    expect(list).toMatch(/- First LAC review — after accommodated\n- sibling assessment — after first LAC review\n- Second LAC review/);
  });

  it('refuses words another milestone already has, an unknown "after", and non-admins, changing nothing', async () => {
    const before = await programme();
    expect(replyText(await bot.say(ADMIN, 'milestone add "kinship assessment" also "perm rec"'))).toMatch(/“perm rec” already means Permanence recommendation/);
    expect(replyText(await bot.say(ADMIN, 'milestone add "kinship assessment" after "LAC reveiw"'))).toMatch(/I don’t know a milestone called “LAC reveiw”\. Did you mean “First LAC review”\?/);
    expect(replyText(await bot.say(MEMBER, 'milestone add "kinship assessment"'))).toMatch(/Only an admin/);
    expect(replyText(await bot.say(ADMIN, 'milestone add'))).toMatch(/Say the milestone’s name/);
    expect((await programme())!.milestones).toEqual(before!.milestones);
  });

  it('renames a milestone: the new name shows, the old words still work', async () => {
    const replies = await bot.say(ADMIN, 'milestone rename "legal advice" to "legal gateway meeting"');
    expect(facts(replies)).toMatchObject({ Milestone: 'legal gateway meeting', 'Was called': 'Legal advice' });
    expect(await audits('milestone_rename')).toHaveLength(1);
    await recordAndConfirm(bot, 'C4004 accommodated 1 Sep 2026');
    const card = firstCard(await bot.say(MEMBER, 'C4004 legal advice 1 Oct'));
    expect(cardRows(card)[0]).toMatchObject({ Milestone: 'legal gateway meeting' });
  });

  it('retires a milestone: its dates are kept, new messages no longer take it, and its charts say so', async () => {
    await recordAndConfirm(bot, 'C4005 accommodated 1 Sep 2026');
    await recordAndConfirm(bot, 'C4005 72 hour meeting 3 Sep 2026');
    const replies = await bot.say(ADMIN, 'milestone retire "72 hour meeting"');
    expect(firstCard(replies).title).toBe('Milestone retired');
    expect(replyText(replies)).toMatch(/kept in each child’s history/);
    expect(await milestonesOf(bot, 'C4005')).toMatchObject({ planning_meeting_72h: { actual: '2026-09-03' } });
    expect(replyText(await bot.say(MEMBER, 'C4006 72 hour meeting 3 Sep'))).not.toMatch(/Check before I save/);
    expect(replyText(await bot.say(MEMBER, 'milestones'))).toMatch(/72-hour planning meeting _\(retired\)_/);
    expect(replyText(await bot.say(ADMIN, 'milestone retire "72 hour meeting"'))).toMatch(/is retired: its dates are kept/);
    expect(await audits('milestone_retire')).toHaveLength(1);
  });

  it('a chart built on a retired milestone says so', async () => {
    await bot.say(ADMIN, 'milestone retire "first LAC review"');
    const said = replyText(await bot.say(ADMIN, 'chart accommodated-to-first-lac-review'));
    expect(said).toMatch(/First LAC review is retired: no new dates are taken for it/);
    const other = replyText(await bot.say(ADMIN, 'chart accommodated-to-permanence-recommendation'));
    expect(other).not.toMatch(/retired/);
  });

  it('finishes a change whose audit entry was not yet written (a crash between the writes)', async () => {
    // As a crash would leave it: the catalogue written with its entry riding on the programme.
    const held = await programme();
    const key = 'programme-crashed-change';
    await bot.db.collection('programmes').updateOne(
      { _id: held!._id },
      {
        $set: {
          pendingAudit: {
            key,
            entity: 'programme',
            entityId: String(held!._id),
            action: 'milestone_add',
            before: null,
            after: { key: 'crash_test' },
            actor: { userId: ADMIN.id, name: ADMIN.name },
            source: { platform: 'web', eventId: 'evt-crash' },
            at: new Date('2026-11-19T10:00:00Z'),
          },
        },
      },
    );
    await finishStoppedChanges(bot.db, new Date('2026-11-19T10:05:00Z'));
    expect(await bot.db.collection('audit').countDocuments({ changeKey: key })).toBe(1);
    expect((await programme())!.pendingAudit).toBeUndefined();
  });
});
