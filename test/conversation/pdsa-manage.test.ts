import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, firstCard, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { DO_VALUES, OUTSIDER, planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

let mine: number;
let legal: number;
beforeAll(async () => {
  mine = await planCycle(bot());
  legal = await planCycle(
    bot(),
    ADMIN,
    planValues({
      title: 'Court report template trial',
      groupKey: 'legal-processes',
      ownerId: ADMIN.id,
      changeIdea: 'court-report-template',
    }),
  );
  await bot().act(MEMBER, 'pdsa.do.save', { number: mine }, DO_VALUES);
});

const cycle = (number: number) => bot().db.collection('pdsa_cycles').findOne({ number });

describe('finding and showing a cycle', () => {
  it('accepts T-1, t-1, T1 and #1', async () => {
    for (const said of [`T-${mine}`, `t-${mine}`, `T${mine}`, `#${mine}`]) {
      expect(firstCard(await bot().say(MEMBER, `pdsa ${said}`)).title).toBe(
        `T-${mine} Set agenda at 72-hour meetings, Team A`,
      );
    }
  });

  it('shows the cycle stage by stage, with the next stage as a button', async () => {
    const card = firstCard(await bot().say(MEMBER, `pdsa T-${mine}`));
    expect(card.subtitle).toBe('Carried out, to study · Permanence milestones');
    expect(card.sections!.map((s) => s.heading)).toEqual(['Plan', 'Do']);
    expect(card.sections![0]!.facts).toContainEqual({
      label: 'Prediction',
      value: 'At least 4 of the next 5 meetings will use the agenda',
    });
    expect(card.sections![1]!.facts).toContainEqual({ label: 'Carried out', value: '12 Nov 2026' });
    expect(card.buttons!.map((b) => b.label)).toEqual(['Record Study', 'Edit plan']);
  });

  it('shows a bare "T-1" typed on its own', async () => {
    expect(firstCard(await bot().say(MEMBER, `T-${mine}`)).title).toMatch(
      new RegExp(`^T-${mine} `),
    );
  });

  it('says how to find a cycle that does not exist, and what ids look like', async () => {
    expect(replyText(await bot().say(MEMBER, 'pdsa T-999'))).toBe(
      'There is no test of change T-999. `pdsa list all` shows every test.',
    );
    expect(replyText(await bot().say(MEMBER, 'pdsa banana'))).toMatch(/They look like `T-12`/);
    expect(replyText(await bot().say(MEMBER, `pdsa T-${mine} dance`))).toMatch(
      /I can do `do`, `study`, `act`, `edit` or `note <text>`/,
    );
  });
});

describe('lists', () => {
  it('lists my cycles by default, with their stage', async () => {
    const text = replyText(await bot().say(MEMBER, 'pdsa list'));
    expect(text).toMatch(/^\*Your tests of change\*/);
    expect(text).toContain(
      `*T-${mine}* Set agenda at 72-hour meetings, Team A — Carried out, to study`,
    );
    expect(text).not.toContain(`T-${legal}*`);
  });

  it('lists by group and by status', async () => {
    const legalList = replyText(await bot().say(MEMBER, 'pdsa list group legal-processes'));
    expect(legalList).toMatch(/^\*Legal processes tests of change\*/);
    expect(legalList).toContain(
      `*T-${legal}* Court report template trial — Planned, to carry out · Alex Admin`,
    );
    expect(legalList).not.toContain(`T-${mine}*`);
    const doing = replyText(await bot().say(MEMBER, 'pdsa list all status do'));
    expect(doing).toContain(`T-${mine}*`);
    expect(doing).not.toContain(`T-${legal}*`);
  });

  it('explains the filters when it cannot follow one', async () => {
    expect(replyText(await bot().say(MEMBER, 'pdsa list soon'))).toMatch(
      /I can list by `all`, `group <group>` or `status/,
    );
  });
});

describe('notes', () => {
  it('adds a dated note that shows on the card, audited', async () => {
    expect(replyText(await bot().say(MEMBER, `pdsa T-${mine} note Chairs liked the agenda`))).toBe(
      `Note added to *T-${mine}*.`,
    );
    expect((await cycle(mine))!.notes).toEqual([
      {
        at: new Date('2026-11-19T10:00:00Z'),
        by: MEMBER.id,
        byName: 'Mo Member',
        text: 'Chairs liked the agenda',
      },
    ]);
    expect(replyText(await bot().say(MEMBER, `pdsa T-${mine}`))).toContain(
      '19 Nov 2026, Mo Member: Chairs liked the agenda',
    );
    expect(
      await bot()
        .db.collection('audit')
        .findOne({ entityId: `T-${mine}`, action: 'note' }),
    ).toMatchObject({ after: { text: 'Chairs liked the agenda' } });
  });

  it('asks for the words when the note is empty', async () => {
    expect(replyText(await bot().say(MEMBER, `pdsa T-${mine} note`))).toMatch(
      /Say what to note, e.g. `pdsa T-\d+ note/,
    );
  });

  it('keeps notes to people of the group and those who may edit', async () => {
    expect(replyText(await bot().say(OUTSIDER, `pdsa T-${mine} note Hello`))).toMatch(
      /Notes on T-\d+ are for members of Permanence milestones. Join it with `join permanence-milestones`/,
    );
    expect((await cycle(mine))!.notes).toHaveLength(1);
  });
});

describe('editing a saved cycle', () => {
  it('opens the plan form pre-filled', async () => {
    const form = firstCard(await bot().say(MEMBER, `pdsa T-${mine} edit`)).form!;
    expect(form.submit).toEqual({ verb: 'pdsa.plan.save', data: { number: mine } });
    expect(form.inputs.find((i) => i.id === 'prediction')).toMatchObject({
      value: 'At least 4 of the next 5 meetings will use the agenda',
    });
    expect(form.inputs.find((i) => i.id === 'changeIdea')).toMatchObject({
      value: 'agenda-72-hour-meeting',
    });
  });

  it('saves an edit and audits it with before and after', async () => {
    bot().setNow('2026-11-20T09:00:00Z');
    const saved = firstCard(
      await bot().act(
        MEMBER,
        'pdsa.plan.save',
        { number: mine },
        planValues({ prediction: '5 of 5 meetings will use the agenda' }),
      ),
    );
    expect(saved.title).toBe(`T-${mine}: plan updated`);
    const stored = await cycle(mine);
    expect(stored).toMatchObject({
      plan: { prediction: '5 of 5 meetings will use the agenda' },
      stage: 'do',
      startedOn: '2026-11-12',
    });
    expect(stored!.notes).toHaveLength(1);
    const audit = await bot()
      .db.collection('audit')
      .findOne({ entityId: `T-${mine}`, action: 'edit_plan' });
    expect(audit).toMatchObject({
      actor: { userId: MEMBER.id, name: 'Mo Member' },
      before: { plan: { prediction: 'At least 4 of the next 5 meetings will use the agenda' } },
      after: { plan: { prediction: '5 of 5 meetings will use the agenda' } },
      source: { platform: 'web' },
    });
  });

  it('refuses a member who is not the owner, a lead, a coach or an admin, and changes nothing', async () => {
    const text = replyText(await bot().say(OUTSIDER, `pdsa T-${mine} edit`));
    expect(text).toBe(
      `Only Mo Member (its owner), a lead of Permanence milestones, a coach or an admin can change T-${mine}. You can add a note: \`pdsa T-${mine} note <text>\`.`,
    );
    const before = await cycle(mine);
    expect(
      replyText(
        await bot().act(
          OUTSIDER,
          'pdsa.plan.save',
          { number: mine },
          planValues({ prediction: 'Nothing will change' }),
        ),
      ),
    ).toMatch(/^Only Mo Member/);
    expect(
      replyText(
        await bot().act(
          OUTSIDER,
          'pdsa.study.save',
          { number: mine },
          { resultsVsPrediction: 'xxx', learned: 'yyy' },
        ),
      ),
    ).toMatch(/^Only Mo Member/);
    expect(await cycle(mine)).toEqual(before);
  });

  it('refuses a member of another group even for a cycle they can see', async () => {
    expect(replyText(await bot().say(MEMBER, `pdsa T-${legal} do`))).toMatch(
      /^Only Alex Admin \(its owner\), a lead of Legal processes/,
    );
  });

  it("lets the group's lead, a coach and an admin change it", async () => {
    expect(firstCard(await bot().say(LEAD, `pdsa T-${mine} edit`)).form).toBeDefined();
    expect(firstCard(await bot().say(COACH, `pdsa T-${legal} edit`)).form).toBeDefined();
    const saved = firstCard(await bot().act(COACH, 'pdsa.do.save', { number: legal }, DO_VALUES));
    expect(saved.title).toBe(`T-${legal}: Do recorded`);
    expect(
      await bot()
        .db.collection('audit')
        .findOne({ entityId: `T-${legal}`, action: 'do' }),
    ).toMatchObject({ actor: { userId: COACH.id } });
    expect(replyText(await bot().say(LEAD, `pdsa T-${legal} edit`))).toMatch(/^Only Alex Admin/);
  });
});

describe('an empty list says where to look next', () => {
  it('points a member with no tests of change to the group’s tests and to `pdsa new`', async () => {
    await bot().say(OUTSIDER, 'join legal-processes');
    const text = replyText(await bot().say(OUTSIDER, 'pdsa list'));
    expect(text).toMatch(/^You have no tests of change yet\./);
    expect(text).toContain('`pdsa list group legal-processes`');
    expect(text).toContain('`pdsa list all`');
    expect(text).toContain('`pdsa new`');
  });

  it('says there are none at that stage, not none at all, when a stage was asked for', async () => {
    const text = replyText(await bot().say(MEMBER, 'pdsa list status act'));
    expect(text).toMatch(/^You have no tests of change at that stage\./);
    expect(text).toContain('`pdsa list all`');
    expect(text).toContain('`pdsa new`');
  });
});
