import { ObjectId } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { firstCard, MEMBER, replyText } from '../helpers/test-bot.js';
import {
  cardRows,
  counts,
  milestonesOf,
  pendingOf,
  recordAndConfirm,
} from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

beforeAll(async () => {
  await recordAndConfirm(bot(), 'C5001 accommodated 3 Oct');
});

/** Opens Edit on a fresh question about `sentence`; returns the question id and the form. */
async function openEdit(sentence: string) {
  const id = pendingOf(await bot().say(MEMBER, sentence));
  const form = firstCard(await bot().act(MEMBER, 'milestone.edit', { pending: id }));
  return { id, form };
}

function errorsOf(replies: Reply[]): Record<string, string> {
  const r = replies[0]!;
  if (r.kind !== 'form_errors') throw new Error(`expected form errors, got ${r.kind}`);
  return r.errors;
}

const valuesOf = (form: ReturnType<typeof firstCard>) =>
  Object.fromEntries(
    form.form!.inputs.map((i) => [i.id, typeof i.value === 'string' ? i.value : '']),
  );

describe('Edit', () => {
  it('opens a form pre-filled with what was understood, one row per record', async () => {
    const { form } = await openEdit('LAC reviews held on Monday for C5001 and C5002');
    expect(valuesOf(form)).toEqual({
      case_1: 'C5001',
      milestone_1: 'first_lac_review',
      date_1: '2026-11-16',
      status_1: 'happened',
      case_2: 'C5002',
      milestone_2: 'first_lac_review',
      date_2: '2026-11-16',
      status_2: 'happened',
    });
    const milestone = form.form!.inputs.find((i) => i.id === 'milestone_1');
    expect(milestone?.kind === 'choice' && milestone.options.map((o) => o.value)).toContain(
      'permanence_panel',
    );
    expect(form.form!.title.length).toBeLessThanOrEqual(24);
  });

  it('turns a corrected form into a fresh confirmation, and only that one can be confirmed', async () => {
    const { id, form } = await openEdit('permanence panel for C5001 was yesterday');
    const before = await counts(bot());
    const replies = await bot().act(
      MEMBER,
      'milestone.edit.save',
      { pending: id },
      { ...valuesOf(form), milestone_1: 'permanence_recommendation', date_1: '2026-11-17' },
    );
    expect(cardRows(firstCard(replies))[0]).toMatchObject({
      Case: 'C5001',
      Milestone: 'Permanence recommendation',
      Date: 'Tue 17 Nov 2026',
    });
    expect((await counts(bot())).cases).toBe(before.cases);
    expect(
      await bot()
        .db.collection('pending_actions')
        .findOne({ _id: new ObjectId(id) }),
    ).toMatchObject({ status: 'cancelled' });
    expect(replyText(await bot().act(MEMBER, 'milestone.confirm', { pending: id }))).toMatch(
      /already been confirmed or cancelled/,
    );
    expect(await milestonesOf(bot(), 'C5001')).toEqual({ accommodated: { actual: '2026-10-03' } });
    await bot().act(MEMBER, 'milestone.confirm', { pending: pendingOf(replies) });
    expect(await milestonesOf(bot(), 'C5001')).toEqual({
      accommodated: { actual: '2026-10-03' },
      permanence_recommendation: { actual: '2026-11-17' },
    });
  });

  it('refuses a case reference in the wrong format beside the field, without showing it back', async () => {
    const { id, form } = await openEdit('C5003 accommodated 3 Oct');
    const replies = await bot().act(
      MEMBER,
      'milestone.edit.save',
      { pending: id },
      { ...valuesOf(form), case_1: 'Jamie' },
    );
    expect(errorsOf(replies).case_1).toMatch(/isn’t a case reference.*never a name/);
    expect(JSON.stringify(replies)).not.toContain('Jamie');
  });

  it('applies the sentence rules to the date and status', async () => {
    const { id, form } = await openEdit('C5004 accommodated 3 Oct');
    const save = (changes: Record<string, string>) =>
      bot().act(MEMBER, 'milestone.edit.save', { pending: id }, { ...valuesOf(form), ...changes });
    expect(errorsOf(await save({ date_1: '2026-12-01' })).date_1).toMatch(
      /in the future.*choose “Planned”/,
    );
    expect(errorsOf(await save({ status_1: 'planned' })).status_1).toMatch(
      /planned date must be after today/,
    );
    expect(errorsOf(await save({ date_1: '2001-10-03' })).date_1).toMatch(/more than 18 years ago/);
    expect(errorsOf(await save({ date_1: '2026-02-31' })).date_1).toMatch(
      /not a real calendar date/,
    );
    expect(errorsOf(await save({ milestone_1: '' })).milestone_1).toMatch(/Choose a milestone/);
  });

  it('checks the order with the case’s other milestones, naming them', async () => {
    const { id, form } = await openEdit('C5001 legal advice 20 Oct');
    const replies = await bot().act(
      MEMBER,
      'milestone.edit.save',
      { pending: id },
      { ...valuesOf(form), date_1: '2026-10-01' },
    );
    expect(errorsOf(replies).date_1).toMatch(
      /Legal advice can’t come before accommodated, which is recorded as 3 Oct 2026/,
    );
  });

  it('refuses two different dates for the same milestone of one child', async () => {
    const { id, form } = await openEdit('LAC reviews held on Monday for C5001 and C5006');
    const replies = await bot().act(
      MEMBER,
      'milestone.edit.save',
      { pending: id },
      { ...valuesOf(form), case_2: 'C5001', date_2: '2026-11-17' },
    );
    expect(errorsOf(replies).date_2).toMatch(/two dates for C5001 — first LAC review/);
  });

  it('says so when the question was already answered', async () => {
    const { id, form } = await openEdit('C5005 accommodated 3 Oct');
    await bot().act(MEMBER, 'milestone.cancel', { pending: id });
    const replies = await bot().act(MEMBER, 'milestone.edit.save', { pending: id }, valuesOf(form));
    expect(replies).toEqual([
      { kind: 'text', text: expect.stringMatching(/already been confirmed or cancelled/) },
    ]);
    expect(await milestonesOf(bot(), 'C5005')).toBeNull();
  });
});
