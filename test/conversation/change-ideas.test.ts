import { describe, expect, it } from 'vitest';
import { seedChangeIdeas } from '../../src/programme/change-ideas/seed-change-ideas.js';
import { SEED_IDEAS } from '../../src/programme/change-ideas/seed-ideas.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, COACH, firstCard, MEMBER, replyText } from '../helpers/test-bot.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

const ideas = () => bot().db.collection('change_ideas');
const formIdeaKeys = async () => {
  const input = firstCard(await bot().say(MEMBER, 'pdsa new')).form!.inputs.find(
    (i) => i.id === 'changeIdea',
  );
  return input?.kind === 'choice' ? input.options.map((o) => o.value) : [];
};

describe('the change-idea library', () => {
  it('is seeded with the programme ideas when the programme is created, once', async () => {
    // The programme was created in set-up; reading the library must not add a second copy.
    expect(await ideas().countDocuments()).toBe(SEED_IDEAS.length);
    const text = replyText(await bot().say(MEMBER, 'ideas'));
    expect(await ideas().countDocuments({ workspaceId: 'T-TEST', source: 'programme' })).toBe(
      SEED_IDEAS.length,
    );
    expect(SEED_IDEAS.length).toBeGreaterThanOrEqual(12);
    expect(text).toMatch(
      /_Aim 2: accommodation to permanence recommendation_\n- First looked-after review/,
    );
    expect(text).toContain(
      '- Set agenda for the 72-hour planning meeting (`agenda-72-hour-meeting`)',
    );
    expect(await seedChangeIdeas(workspaceStore(bot().db, 'T-TEST'), new Date())).toBe(0);
    expect(await ideas().countDocuments()).toBe(SEED_IDEAS.length);
    expect(
      await bot().db.collection('audit').countDocuments({ entity: 'change_idea', action: 'seed' }),
    ).toBe(1);
  });

  it('shows one aim, and says how to name an aim it does not know', async () => {
    const text = replyText(await bot().say(MEMBER, 'ideas aim 3'));
    expect(text).toContain('Pre-ADM checklist');
    expect(text).not.toContain('72-hour');
    expect(replyText(await bot().say(MEMBER, 'ideas aim 9'))).toMatch(
      /I don't know the aim "aim 9". Say `aim 1` to `aim 4`/,
    );
  });

  it('shows one idea as a card; members get no curation buttons', async () => {
    const card = firstCard(await bot().say(MEMBER, 'idea pre-adm-checklist'));
    expect(card.title).toBe('Pre-ADM checklist');
    expect(card.subtitle).toBe('Aim 3: recommendation to panel and ADM decision');
    expect(card.buttons!.map((b) => b.label)).toEqual(['Test this idea']);
    expect(
      firstCard(await bot().say(COACH, 'idea pre-adm-checklist')).buttons!.map((b) => b.label),
    ).toEqual(['Test this idea', 'Edit', 'Retire']);
  });

  it('opens the PDSA form with the idea picked from its card', async () => {
    const form = firstCard(await bot().act(MEMBER, 'pdsa.new', { idea: 'pre-adm-checklist' }))
      .form!;
    expect(form.inputs.find((i) => i.id === 'changeIdea')).toMatchObject({
      value: 'pre-adm-checklist',
    });
  });
});

describe('curating the library', () => {
  it('lets a coach add an idea in one line, audited', async () => {
    const text = replyText(
      await bot().say(
        COACH,
        'idea add "Pre-hearing checklist" aim 2 "A checklist the worker runs through before each hearing"',
      ),
    );
    expect(text).toBe(
      'Added *Pre-hearing checklist* to the library (`pre-hearing-checklist`). Members can pick it in `pdsa new`.',
    );
    expect(await ideas().findOne({ key: 'pre-hearing-checklist' })).toMatchObject({
      aim: 'aim-2',
      description: 'A checklist the worker runs through before each hearing',
      source: 'coach',
      retired: false,
      createdBy: { userId: COACH.id },
    });
    expect(
      await bot()
        .db.collection('audit')
        .findOne({ entity: 'change_idea', entityId: 'pre-hearing-checklist' }),
    ).toMatchObject({ action: 'create', before: null });
    expect(await formIdeaKeys()).toContain('pre-hearing-checklist');
  });

  it("files an idea under a group's own aim, and keeps keys unique", async () => {
    await bot().say(
      COACH,
      'idea add "Pre-hearing checklist" aim legal-processes "Second version for legal"',
    );
    expect(await ideas().findOne({ key: 'pre-hearing-checklist-2' })).toMatchObject({
      aim: 'legal-processes',
    });
    expect(replyText(await bot().say(MEMBER, 'ideas legal-processes'))).toMatch(
      /_Legal processes \(group's own ideas\)_\n- Pre-hearing checklist \(`pre-hearing-checklist-2`\)/,
    );
  });

  it('refuses a member who tries to add, edit or retire, and stores nothing', async () => {
    const before = await ideas().countDocuments();
    expect(replyText(await bot().say(MEMBER, 'idea add "My idea"'))).toMatch(
      /^Only a coach or an admin can add change ideas\./,
    );
    expect(replyText(await bot().say(MEMBER, 'idea pre-adm-checklist retire'))).toMatch(
      /^Only a coach or an admin can add, edit or retire change ideas\./,
    );
    expect(
      replyText(await bot().act(MEMBER, 'ideas.save', {}, { title: 'Sneaky', aim: 'all' })),
    ).toMatch(/^Only a coach or an admin/);
    expect(await ideas().countDocuments()).toBe(before);
    expect(await ideas().findOne({ key: 'pre-adm-checklist' })).toMatchObject({ retired: false });
  });

  it('returns form errors for a bad title, inline', async () => {
    const [reply] = await bot().act(COACH, 'ideas.save', {}, { title: 'ab', aim: 'all' });
    if (reply!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(reply!.errors).toEqual({
      title: 'The title needs at least 3 characters, e.g. "Pre-ADM checklist".',
    });
  });

  it('lets a coach edit an idea, audited with before and after', async () => {
    expect(
      replyText(await bot().say(COACH, 'idea pre-adm-checklist edit title "Pre-ADM checklist v2"')),
    ).toBe('Saved *Pre-ADM checklist v2* (`pre-adm-checklist`).');
    const audit = await bot()
      .db.collection('audit')
      .findOne({ entityId: 'pre-adm-checklist', action: 'update' });
    expect(audit).toMatchObject({
      before: { title: 'Pre-ADM checklist' },
      after: { title: 'Pre-ADM checklist v2' },
      actor: { userId: COACH.id },
    });
    const form = firstCard(await bot().say(COACH, 'idea pre-adm-checklist edit')).form!;
    expect(form.inputs.find((i) => i.id === 'title')).toMatchObject({
      value: 'Pre-ADM checklist v2',
    });
    const saved = firstCard(
      await bot().act(
        COACH,
        'ideas.save',
        { key: 'pre-adm-checklist' },
        { title: 'Pre-ADM checklist', aim: '3', description: 'Back again' },
      ),
    );
    expect(saved.title).toBe('Pre-ADM checklist');
  });

  it('retires an idea so it leaves the PDSA form and the list, and restores it', async () => {
    expect(replyText(await bot().say(COACH, 'idea pre-adm-checklist retire'))).toMatch(
      /^Retired \*Pre-ADM checklist\*: it no longer appears in `pdsa new`/,
    );
    expect(await formIdeaKeys()).not.toContain('pre-adm-checklist');
    expect(replyText(await bot().say(MEMBER, 'ideas aim 3'))).not.toContain('Pre-ADM checklist');
    expect(replyText(await bot().say(MEMBER, 'ideas retired'))).toContain(
      'Pre-ADM checklist (`pre-adm-checklist`) — retired',
    );
    expect(
      await bot()
        .db.collection('audit')
        .findOne({ entityId: 'pre-adm-checklist', action: 'retire' }),
    ).toMatchObject({ before: { retired: false }, after: { retired: true } });
    // A second seeding must not bring a retired programme idea back.
    await seedChangeIdeas(workspaceStore(bot().db, 'T-TEST'), new Date());
    expect(await ideas().findOne({ key: 'pre-adm-checklist' })).toMatchObject({ retired: true });
    await bot().say(ADMIN, 'idea pre-adm-checklist restore');
    expect(await formIdeaKeys()).toContain('pre-adm-checklist');
  });

  it('keeps a retired idea on the cycles that used it', async () => {
    await bot().act(
      MEMBER,
      'pdsa.plan.save',
      {},
      {
        title: 'Court template, two reports',
        changeIdea: 'court-report-template',
        groupKey: 'legal-processes',
        objective: 'Try the template on two reports',
        prediction: 'Both reports lodged within 4 weeks',
      },
    );
    await bot().say(COACH, 'idea court-report-template retire');
    const cycle = await bot()
      .db.collection('pdsa_cycles')
      .findOne({ changeIdeaId: 'court-report-template' });
    const form = firstCard(await bot().say(MEMBER, `pdsa T-${cycle!.number} edit`)).form!;
    const input = form.inputs.find((i) => i.id === 'changeIdea');
    expect(input).toMatchObject({ value: '_current' });
    expect(input?.kind === 'choice' && input.options[0]).toEqual({
      value: '_current',
      label: 'Court report template agreed with legal services',
    });
  });
});
