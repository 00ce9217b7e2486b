import { describe, expect, it } from 'vitest';
import { firstCard, MEMBER, replyText } from '../helpers/test-bot.js';
import {
  completeCycle,
  DO_VALUES,
  planCycle,
  planValues,
  STUDY_VALUES,
  useProgrammeBot,
} from './pdsa-scenario.js';

const bot = useProgrammeBot();

const cycle = (number: number) => bot().db.collection('pdsa_cycles').findOne({ number });

describe('Do, Study and Act', () => {
  it('will not open Study or Act before Do, and says what to do instead', async () => {
    const number = await planCycle(bot());
    expect(replyText(await bot().say(MEMBER, `pdsa T-${number} study`))).toBe(
      `T-${number} hasn't been carried out yet. Record Do first with \`pdsa T-${number} do\`.`,
    );
    expect(
      replyText(await bot().act(MEMBER, 'pdsa.act.save', { number }, { decision: 'adopt' })),
    ).toMatch(/Record Do first/);
    expect(await cycle(number)).toMatchObject({ stage: 'plan' });
    expect(await cycle(number)).not.toHaveProperty('act');
  });

  it('opens the Do form with today as the default date', async () => {
    const number = await planCycle(bot());
    const form = firstCard(await bot().say(MEMBER, `pdsa T-${number} do`)).form!;
    expect(form.submit).toEqual({ verb: 'pdsa.do.save', data: { number } });
    expect(form.inputs.map((i) => i.id)).toEqual(['carriedOutOn', 'whatHappened', 'problems']);
    expect(form.inputs[0]).toMatchObject({ value: '2026-11-19' });
  });

  it('refuses a Do date in the future, inline', async () => {
    const number = await planCycle(bot());
    const [reply] = await bot().act(
      MEMBER,
      'pdsa.do.save',
      { number },
      { ...DO_VALUES, carriedOutOn: '2026-12-01' },
    );
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(reply!.errors.carriedOutOn).toMatch(/in the future/);
    expect(await cycle(number)).toMatchObject({ stage: 'plan' });
  });

  it('records Do, moves the start date to it and offers Study next', async () => {
    const number = await planCycle(bot());
    const saved = firstCard(await bot().act(MEMBER, 'pdsa.do.save', { number }, DO_VALUES));
    expect(saved.title).toBe(`T-${number}: Do recorded`);
    expect(saved.buttons![0]).toMatchObject({
      label: 'Record Study',
      action: { verb: 'pdsa.stage', data: { number, stage: 'study' } },
    });
    expect(await cycle(number)).toMatchObject({
      stage: 'do',
      startedOn: '2026-11-12',
      do: { whatHappened: 'Used at 3 of 5 meetings' },
    });
    const audit = await bot()
      .db.collection('audit')
      .findOne({ entityId: `T-${number}`, action: 'do' });
    expect(audit?.before).toMatchObject({ stage: 'plan' });
    expect(audit?.after).toMatchObject({ stage: 'do' });
  });

  it('shows the prediction on the Study form', async () => {
    const number = await planCycle(bot());
    await bot().act(MEMBER, 'pdsa.do.save', { number }, DO_VALUES);
    const card = firstCard(await bot().act(MEMBER, 'pdsa.stage', { number, stage: 'study' }));
    expect(card.sections![0]).toEqual({
      heading: 'Prediction',
      text: 'At least 4 of the next 5 meetings will use the agenda',
    });
    expect(card.form!.inputs[0]).toMatchObject({
      id: 'resultsVsPrediction',
      hint: 'You predicted: At least 4 of the next 5 meetings will use the agenda',
    });
  });

  it('asks for adopt, adapt or abandon', async () => {
    const number = await planCycle(bot());
    await bot().act(MEMBER, 'pdsa.do.save', { number }, DO_VALUES);
    await bot().act(MEMBER, 'pdsa.study.save', { number }, STUDY_VALUES);
    const form = firstCard(await bot().say(MEMBER, `pdsa T-${number} act`)).form!;
    const decision = form.inputs.find((i) => i.id === 'decision');
    expect(decision?.kind === 'choice' && decision.options.map((o) => o.value)).toEqual([
      'adopt',
      'adapt',
      'abandon',
    ]);
    const [reply] = await bot().act(MEMBER, 'pdsa.act.save', { number }, { decision: 'maybe' });
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(reply!.errors).toEqual({ decision: 'Choose adopt, adapt or abandon.' });
  });

  it('lets an earlier stage be corrected without moving the cycle back, audited as an edit', async () => {
    const number = await planCycle(bot());
    await bot().act(MEMBER, 'pdsa.do.save', { number }, DO_VALUES);
    await bot().act(MEMBER, 'pdsa.study.save', { number }, STUDY_VALUES);
    const form = firstCard(await bot().say(MEMBER, `pdsa T-${number} do`)).form!;
    expect(form.inputs.find((i) => i.id === 'whatHappened')).toMatchObject({
      value: 'Used at 3 of 5 meetings',
    });
    const saved = firstCard(
      await bot().act(
        MEMBER,
        'pdsa.do.save',
        { number },
        { ...DO_VALUES, whatHappened: 'Used at 4 of 5 meetings' },
      ),
    );
    expect(saved.title).toBe(`T-${number}: Do updated`);
    expect(await cycle(number)).toMatchObject({
      stage: 'study',
      do: { whatHappened: 'Used at 4 of 5 meetings' },
    });
    const audit = await bot()
      .db.collection('audit')
      .findOne({ entityId: `T-${number}`, action: 'edit_do' });
    expect(audit?.before).toMatchObject({ do: { whatHappened: 'Used at 3 of 5 meetings' } });
    expect(audit?.after).toMatchObject({ do: { whatHappened: 'Used at 4 of 5 meetings' } });
  });
});

describe('ramps of cycles', () => {
  it('offers the next cycle after adopt, pre-filled from this one, and links it', async () => {
    const first = await planCycle(bot());
    const decided = firstCard(await completeCycle(bot(), first, 'adopt'));
    expect(decided.title).toBe(`T-${first}: decision adopt`);
    const start = decided.buttons![0]!;
    expect(start).toMatchObject({
      label: 'Start cycle 2',
      action: { verb: 'pdsa.new', data: { from: first } },
    });

    const form = firstCard(await bot().act(MEMBER, start.action.verb, start.action.data)).form!;
    const value = (id: string) => form.inputs.find((i) => i.id === id) as { value?: unknown };
    expect(value('changeIdea').value).toBe('agenda-72-hour-meeting');
    expect(value('groupKey').value).toBe('permanence-milestones');
    // By name, as the form asks for it (the key is what is stored).
    expect(value('linkedMeasures').value).toBe('Accommodation to permanence recommendation');
    expect(value('title').value).toBe('Set agenda at 72-hour meetings, Team A (cycle 2)');
    expect(value('prediction').value).toBeUndefined();
    expect(form.submit).toEqual({ verb: 'pdsa.plan.save', data: { previous: first } });

    const second = await planCycle(
      bot(),
      MEMBER,
      planValues({
        title: 'Agenda with the invitation, all teams',
        prediction: 'All 8 meetings will use it',
      }),
      { previous: first },
    );
    expect(await cycle(second)).toMatchObject({
      previousNumber: first,
      rampPosition: 2,
      changeIdeaId: 'agenda-72-hour-meeting',
    });
    expect(replyText(await bot().say(MEMBER, `pdsa T-${first}`))).toMatch(
      new RegExp(`Cycle 1 · followed by T-${second}`),
    );
    expect(replyText(await bot().say(MEMBER, `pdsa T-${second}`))).toMatch(
      new RegExp(`Cycle 2 · builds on T-${first}`),
    );
  });

  it('keeps a typed change idea for the next cycle', async () => {
    const first = await planCycle(
      bot(),
      MEMBER,
      planValues({ changeIdea: '', changeIdea__other: 'Chair phones the family first' }),
    );
    await completeCycle(bot(), first, 'adapt');
    const form = firstCard(await bot().act(MEMBER, 'pdsa.new', { from: first })).form!;
    const idea = form.inputs.find((i) => i.id === 'changeIdea');
    expect(idea?.kind === 'choice' && idea.options[0]).toEqual({
      value: '_current',
      label: 'Chair phones the family first',
    });
    const second = await planCycle(bot(), MEMBER, planValues({ changeIdea: '_current' }), {
      previous: first,
    });
    expect(await cycle(second)).toMatchObject({
      changeIdea: 'Chair phones the family first',
      rampPosition: 2,
    });
  });

  it('after abandon, offers to test a different idea in the same group', async () => {
    const number = await planCycle(bot());
    const decided = firstCard(await completeCycle(bot(), number, 'abandon'));
    const button = decided.buttons![0]!;
    expect(button).toMatchObject({
      label: 'Test a different idea',
      action: { verb: 'pdsa.new', data: { after: number } },
    });
    const form = firstCard(await bot().act(MEMBER, button.action.verb, button.action.data)).form!;
    expect(form.inputs.find((i) => i.id === 'groupKey')).toMatchObject({
      value: 'permanence-milestones',
    });
    expect(form.inputs.find((i) => i.id === 'changeIdea')).not.toHaveProperty(
      'value',
      expect.anything(),
    );
    expect(form.submit.data).toEqual({});
  });
});
