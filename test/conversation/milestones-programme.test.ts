import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTestBot,
  firstCard,
  MEMBER,
  replyText,
  type TestBot,
} from '../helpers/test-bot.js';
import { cardRows, counts, milestonesOf, pendingOf } from './milestones-helpers.js';

/** A programme with its own reference pattern, time zone and catalogue changes. */
let bot: TestBot;
beforeAll(async () => {
  // 12:00 UTC on 19 November is already 01:00 on 20 November in Auckland.
  bot = await createTestBot({ now: '2026-11-19T12:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Aotearoa PACE" tz Pacific/Auckland pattern ^NS\\d{4}$');
  await bot.say(MEMBER, 'whoami');
  await bot.db.collection('programmes').updateOne(
    { workspaceId: 'T-TEST' },
    {
      $set: {
        milestones: [
          {
            key: 'permanence_panel',
            label: 'Fostering and adoption panel',
            synonyms: ['fap hearing'],
            retired: false,
          },
          { key: 'cso_review', label: 'CSO review', synonyms: [], retired: true },
          {
            key: 'kinship_assessment',
            label: 'Kinship assessment',
            synonyms: ['kinship assessment'],
            retired: false,
          },
        ],
      },
    },
  );
});
afterAll(async () => {
  await bot.drop();
});

describe('a programme’s own settings', () => {
  it('reads references in the area’s pattern and refuses others', async () => {
    expect(
      cardRows(firstCard(await bot.say(MEMBER, 'NS1042 accommodated 3 Oct')))[0],
    ).toMatchObject({ Case: 'NS1042' });
    const before = await counts(bot);
    const reply = replyText(await bot.say(MEMBER, 'C1042 accommodated 3 Oct'));
    expect(reply).toMatch(/couldn’t find a case reference/);
    expect(await counts(bot)).toEqual(before);
  });

  it('takes "yesterday" in the programme’s time zone', async () => {
    expect(
      cardRows(firstCard(await bot.say(MEMBER, 'NS1043 accommodated yesterday')))[0],
    ).toMatchObject({ Date: 'Thu 19 Nov 2026' });
  });

  it('uses renamed milestones, extra synonyms and added ones, and not retired ones', async () => {
    expect(
      cardRows(firstCard(await bot.say(MEMBER, 'fap hearing for NS1044 on 2 Nov')))[0],
    ).toMatchObject({ Milestone: 'Fostering and adoption panel' });
    const added = await bot.say(MEMBER, 'kinship assessment for NS1044 on 5 Nov');
    await bot.act(MEMBER, 'milestone.confirm', { pending: pendingOf(added) });
    expect(await milestonesOf(bot, 'NS1044')).toEqual({
      kinship_assessment: { actual: '2026-11-05' },
    });
    expect(replyText(await bot.say(MEMBER, 'NS1044 CSO review 10/11/2026'))).toMatch(
      /couldn’t tell which milestone/,
    );
  });

  it('keeps references written with a dash, when that is the programme\'s pattern', async () => {
    const ws = { workspaceId: 'T-DASH' };
    await bot.say(ADMIN, 'setup programme "Dashes PACE" pattern ^NS-\\d{4}$', ws);
    const card = firstCard(await bot.say(ADMIN, 'NS-1042 accommodated 3 Oct', ws));
    expect(replyText([{ kind: 'card', card }])).toMatch(/NS-1042/);
    const confirm = card.buttons!.find((b) => /confirm/i.test(b.label))!;
    await bot.act(ADMIN, confirm.action.verb, confirm.action.data ?? {}, {}, ws);
    expect(await bot.db.collection('cases').findOne({ workspaceId: 'T-DASH' })).toMatchObject({ caseRef: 'NS-1042' });
  });

  it('refuses, before asking, a reference the store cannot keep', async () => {
    const ws = { workspaceId: 'T-LONG' };
    await bot.say(ADMIN, 'setup programme "Long refs" pattern ^NS\\d{3,40}$', ws);
    const replies = await bot.say(ADMIN, `NS${'1'.repeat(35)} accommodated 3 Oct`, ws);
    expect(replyText(replies)).toMatch(/can’t be stored as a case reference/);
    expect(await counts(bot, 'T-LONG')).toMatchObject({ cases: 0, pending: 0 });
  });
});
