import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CardButton, FormValues } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';
import {
  ADMIN,
  createTestBot,
  firstCard,
  MEMBER,
  replyText,
  type TestBot,
  type TestUser,
} from '../helpers/test-bot.js';
import { cardRows, milestonesOf } from './milestones-helpers.js';
import { DO_VALUES, planValues, STUDY_VALUES } from './pdsa-scenario.js';

/**
 * One afternoon of the programme, as people would do it, with no platform in between: set-up by
 * an admin, a test of change through its forms, then a child's milestones in sentences.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => {
  await bot.drop();
});

const button = (card: Card, label: string | RegExp): CardButton => {
  const found = card.buttons?.find((b) =>
    typeof label === 'string' ? b.label === label : label.test(b.label),
  );
  if (!found)
    throw new Error(
      `no button ${label} on "${card.title}": ${card.buttons?.map((b) => b.label).join(', ')}`,
    );
  return found;
};
const press = (user: TestUser, b: CardButton, values: FormValues = {}) =>
  bot.act(user, b.action.verb, b.action.data ?? {}, values);
/** Fills a form as shown and submits it, like a person pressing its submit button. */
const submit = (user: TestUser, card: Card, values: FormValues) => {
  const shown = Object.fromEntries(
    card.form!.inputs.map((i) => [
      i.id,
      Array.isArray(i.value) ? i.value.join(',') : (i.value ?? ''),
    ]),
  );
  return bot.act(user, card.form!.submit.verb, card.form!.submit.data ?? {}, {
    ...shown,
    ...values,
  });
};
const pressOn = (user: TestUser, replies: Reply[], label: string | RegExp, values?: FormValues) =>
  press(user, button(firstCard(replies), label), values);

describe('a champions’ group from set-up to a child’s journey', () => {
  let cycle = 0;

  it('a member without the role is refused set-up, and nothing is created', async () => {
    await bot.say(ADMIN, 'hello');
    expect(replyText(await bot.say(MEMBER, 'setup'))).toMatch(
      /Only an admin can set up the programme/,
    );
    expect(replyText(await bot.say(MEMBER, 'group new'))).toMatch(
      /Only an admin can create aim groups/,
    );
    expect(await bot.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('the admin sets up the programme and two aim groups through their forms', async () => {
    const saved = await submit(ADMIN, firstCard(await bot.say(ADMIN, 'setup')), {
      name: 'Northshire PACE',
    });
    expect(replyText(saved)).toMatch(/Northshire PACE/);
    for (const [name, aim] of [
      ['Permanence milestones', 'Reduce time from accommodation to permanence recommendation'],
      ['Legal processes', 'Lodge applications within 12 weeks of ADM decision'],
    ]) {
      await submit(ADMIN, firstCard(await bot.say(ADMIN, 'group new')), {
        name: name!,
        aimStatement: aim!,
        aimTarget: '90% within target',
        aimTargetDate: '2027-12-31',
      });
    }
    expect(replyText(await bot.say(MEMBER, 'groups'))).toMatch(
      /Permanence milestones[\s\S]*Legal processes|Legal processes[\s\S]*Permanence milestones/,
    );
    expect(replyText(await bot.say(MEMBER, 'join permanence-milestones'))).toMatch(/Welcome/);
  });

  it('a member logs a test of change through the Plan form', async () => {
    const planForm = firstCard(await bot.say(MEMBER, 'new test of change'));
    const saved = firstCard(await submit(MEMBER, planForm, planValues()));
    cycle = Number(/^T-(\d+) saved$/.exec(saved.title)?.[1]);
    expect(cycle).toBeGreaterThan(0);
  });

  it('and moves it through Do, Study and Act with the buttons each step offers', async () => {
    const cycleCard = firstCard(await bot.say(MEMBER, `pdsa T-${cycle}`));
    let step = await submit(
      MEMBER,
      firstCard(await press(MEMBER, button(cycleCard, /Do/))),
      DO_VALUES,
    );
    step = await submit(MEMBER, firstCard(await pressOn(MEMBER, step, /Study/)), STUDY_VALUES);
    step = await submit(MEMBER, firstCard(await pressOn(MEMBER, step, /Act|decide/i)), {
      decision: 'adopt',
      nextCycle: 'All teams',
    });
    expect(firstCard(step).title).toBe(`T-${cycle}: decision adopt`);
    expect(await bot.db.collection('pdsa_cycles').findOne({ number: cycle })).toMatchObject({
      stage: 'act',
      act: { decision: 'adopt' },
    });
  });

  it('records milestone dates in sentences, each confirmed before it is stored', async () => {
    for (const said of [
      'C1042 accommodated 3 Oct',
      'LAC reviews held on Monday for C1042 and C1077',
      'panel booked for C1077 on 12 December',
    ]) {
      const asked = await bot.say(MEMBER, said);
      expect(firstCard(asked).title).toMatch(/^Check/);
      expect(replyText(await pressOn(MEMBER, asked, 'Confirm'))).toMatch(/^Saved/);
    }
    const saved = await pressOn(
      MEMBER,
      await bot.say(MEMBER, 'permanence recommendation for C1042 was yesterday'),
      'Confirm',
    );
    expect(replyText(saved)).toMatch(
      /C1042\*: permanence recommendation on Wed 18 Nov 2026 — 46 days \(6\.6 weeks\) from accommodation to permanence recommendation/,
    );
    expect(await milestonesOf(bot, 'C1077')).toEqual({
      first_lac_review: { actual: '2026-11-16' },
      permanence_panel: { planned: '2026-12-12' },
    });
  });

  it('corrects one through Edit, seeing the old date beside the new', async () => {
    const asked = await bot.say(MEMBER, 'c1042 was accommodated on 05/10/2026');
    expect(cardRows(firstCard(asked))[0]).toMatchObject({
      Correction: 'was Sat 3 Oct 2026 → now Mon 5 Oct 2026',
    });
    const edited = await submit(MEMBER, firstCard(await pressOn(MEMBER, asked, 'Edit')), {
      date_1: '2026-10-04',
    });
    expect(cardRows(firstCard(edited))[0]).toMatchObject({
      Correction: 'was Sat 3 Oct 2026 → now Sun 4 Oct 2026',
    });
    await pressOn(MEMBER, edited, 'Confirm');
    expect((await milestonesOf(bot, 'C1042'))!.accommodated).toEqual({ actual: '2026-10-04' });
    const corrected = await bot.db
      .collection('audit')
      .find({ entityId: 'C1042' })
      .sort({ _id: -1 })
      .next();
    // What was understood is the structured change; the audit keeps no text at all.
    expect(corrected).toMatchObject({
      before: { milestones: { accommodated: { actual: '2026-10-03' } } },
      after: { milestones: { accommodated: { actual: '2026-10-04' } } },
    });
    expect(corrected!.source.text).toBeUndefined();
  });

  it('views the journey, and its timeline', async () => {
    const journey = firstCard(await bot.say(MEMBER, 'C1042'));
    expect(journey.sections?.find((s) => s.heading === 'Milestones')?.text?.split('\n')).toEqual([
      '- *Accommodated* — Sun 4 Oct 2026',
      '- *First LAC review* — Mon 16 Nov 2026 · 43 days (6.1 weeks) after accommodation',
      '- *Permanence recommendation* — Wed 18 Nov 2026 · 2 days after first LAC review',
    ]);
    expect(journey.sections?.find((s) => s.heading === 'Now')?.text).toBe(
      'Current stage: after permanence recommendation. Waiting 1 day since Wed 18 Nov 2026.',
    );
    const [timeline] = await press(MEMBER, button(journey, 'Timeline'));
    expect(timeline).toMatchObject({ kind: 'image', alt: expect.stringMatching(/C1042/) });
  });
});
