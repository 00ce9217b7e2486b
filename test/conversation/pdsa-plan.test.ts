import { describe, expect, it } from 'vitest';
import { ADMIN, firstCard, MEMBER, replyText } from '../helpers/test-bot.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

const cycles = () => bot().db.collection('pdsa_cycles');

describe('planning a test of change', () => {
  it('opens the Plan form with a required prediction and the seeded change-idea library', async () => {
    const replies = await bot().say(MEMBER, 'pdsa new');
    expect(replies[0]!.kind).toBe('form');
    const inputs = firstCard(replies).form!.inputs;
    expect(inputs.find((i) => i.id === 'prediction')).toMatchObject({
      kind: 'multiline',
      required: true,
    });
    const idea = inputs.find((i) => i.id === 'changeIdea');
    expect(idea).toMatchObject({ kind: 'choice', allowOther: true });
    const options = idea!.kind === 'choice' ? idea!.options : [];
    expect(options.length).toBeGreaterThanOrEqual(12);
    expect(options).toContainEqual({
      value: 'agenda-72-hour-meeting',
      // Named by the part of the journey, not "Aim 2", which an area's own groups may not match (try-out).
      label: 'To recommendation · Set agenda for the 72-hour planning meeting',
    });
  });

  it("defaults the owner to the user and the group to the user's only group", async () => {
    const inputs = firstCard(await bot().say(MEMBER, 'pdsa new')).form!.inputs;
    expect(inputs.find((i) => i.id === 'ownerId')).toMatchObject({ value: [MEMBER.id] });
    expect(inputs.find((i) => i.id === 'groupKey')).toMatchObject({
      value: 'permanence-milestones',
    });
    const adminInputs = firstCard(await bot().say(ADMIN, 'pdsa new')).form!.inputs;
    expect(adminInputs.find((i) => i.id === 'groupKey')).not.toHaveProperty(
      'value',
      expect.anything(),
    );
  });

  it('understands "new test of change" and "log a pdsa" as pdsa new', async () => {
    for (const sentence of [
      'new test of change',
      'log a pdsa',
      "I'd like to start a new PDSA cycle",
    ]) {
      const card = firstCard(await bot().say(MEMBER, sentence));
      expect(card.form?.submit.verb).toBe('pdsa.plan.save');
    }
  });

  it('refuses a plan without a prediction, inline on that field, and stores nothing', async () => {
    const replies = await bot().act(MEMBER, 'pdsa.plan.save', {}, planValues({ prediction: '  ' }));
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    if (reply.kind !== 'form_errors') throw new Error(`expected form_errors, got ${reply.kind}`);
    expect(Object.keys(reply.errors)).toEqual(['prediction']);
    expect(reply.errors.prediction).toMatch(/add a prediction: what do you expect to happen\?/);
    // The form comes back with what was typed, so nothing has to be typed again.
    expect(reply.card.form!.inputs.find((i) => i.id === 'objective')).toMatchObject({
      value: 'See whether chairs use the set agenda',
    });
    expect(await cycles().countDocuments()).toBe(0);
    expect(await bot().db.collection('audit').countDocuments({ entity: 'pdsa' })).toBe(0);
  });

  it('reports every missing field at once, each on its own input', async () => {
    const [reply] = await bot().act(
      MEMBER,
      'pdsa.plan.save',
      {},
      { title: 'x', groupKey: 'permanence-milestones' },
    );
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(Object.keys(reply!.errors).sort()).toEqual([
      'changeIdea',
      'objective',
      'prediction',
      'title',
    ]);
  });

  it('refuses a linked measure it does not know, beside the field', async () => {
    const [reply] = await bot().act(
      MEMBER,
      'pdsa.plan.save',
      {},
      planValues({ linkedMeasures: 'Accommodation to permanence recommendation, sibling contact quality' }),
    );
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(reply!.errors.linkedMeasures).toMatch(/I don't know a measure called "sibling contact quality"/);
    expect(await cycles().countDocuments()).toBe(0);
  });

  it('creates T-1 from the form, stores the plan and audits it', async () => {
    const number = await planCycle(bot());
    expect(number).toBe(1);
    const stored = await cycles().findOne({ number: 1 });
    expect(stored).toMatchObject({
      title: 'Set agenda at 72-hour meetings, Team A',
      changeIdea: 'Set agenda for the 72-hour planning meeting',
      changeIdeaId: 'agenda-72-hour-meeting',
      groupKey: 'permanence-milestones',
      ownerId: MEMBER.id,
      ownerName: 'Mo Member',
      stage: 'plan',
      rampPosition: 1,
      linkedMeasures: ['accommodated-to-permanence-recommendation'],
      startedOn: '2026-11-19',
      plan: {
        prediction: 'At least 4 of the next 5 meetings will use the agenda',
        who: 'Team A chairs',
      },
    });
    expect(stored!.plan).not.toHaveProperty('where');
    const audit = await bot().db.collection('audit').findOne({ entity: 'pdsa', entityId: 'T-1' });
    expect(audit).toMatchObject({
      action: 'create',
      before: null,
      actor: { userId: MEMBER.id },
      source: { platform: 'web' },
    });
    expect(audit!.after).toMatchObject({
      number: 1,
      title: 'Set agenda at 72-hour meetings, Team A',
    });
  });

  it('stores a change idea typed in the "other" box as the user wrote it', async () => {
    const number = await planCycle(
      bot(),
      MEMBER,
      planValues({ changeIdea: '', changeIdea__other: 'Reminder text to chairs the day before' }),
    );
    const stored = await cycles().findOne({ number });
    expect(stored).toMatchObject({ changeIdea: 'Reminder text to chairs the day before' });
    expect(stored).not.toHaveProperty('changeIdeaId');
  });

  it('refuses a group that does not exist, on the group field', async () => {
    const [reply] = await bot().act(
      MEMBER,
      'pdsa.plan.save',
      {},
      planValues({ groupKey: 'nowhere' }),
    );
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(reply!.errors).toEqual({ groupKey: 'Choose one of the aim groups in the list.' });
  });

  it('gives cycles increasing short ids', async () => {
    const before = await cycles().countDocuments();
    const number = await planCycle(
      bot(),
      ADMIN,
      planValues({ ownerId: ADMIN.id, groupKey: 'legal-processes' }),
    );
    expect(number).toBe(before + 1);
    expect(replyText(await bot().say(ADMIN, `pdsa T-${number}`))).toMatch(
      /Planned, to carry out · Legal processes/,
    );
  });
});
