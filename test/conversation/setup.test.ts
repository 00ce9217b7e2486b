import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, createTestBot, firstCard, replyText, type TestBot } from '../helpers/test-bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => {
  await bot.drop();
});

describe('setting up a programme', () => {
  it('makes the first person in a workspace its admin, and nobody after', async () => {
    expect(replyText(await bot.say(ADMIN, 'whoami'))).toMatch(/admin/);
    for (const user of [LEAD, COACH, MEMBER]) expect(replyText(await bot.say(user, 'whoami'))).toMatch(/: member\.$/);
  });

  it('refuses set-up to someone without the role, and stores nothing', async () => {
    const replies = await bot.say(MEMBER, 'setup programme "Sneaky"');
    expect(replyText(replies)).toMatch(/Only an admin can set up the programme/);
    expect(await bot.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('opens the programme form with Europe/London and IHI as defaults', async () => {
    const card = firstCard(await bot.say(ADMIN, 'setup'));
    const inputs = card.form!.inputs;
    expect(inputs.find((i) => i.id === 'timeZone')).toMatchObject({ value: 'Europe/London' });
    expect(inputs.find((i) => i.id === 'ruleSet')).toMatchObject({ value: 'ihi' });
  });

  it('refuses a bad time zone with a clear reason', async () => {
    const replies = await bot.act(ADMIN, 'setup.programme.save', {}, { name: 'Northshire PACE', timeZone: 'Mars/Olympus', caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$', ruleSet: 'ihi' });
    expect(replyText(replies)).toMatch(/time zone is not a time zone I know/);
    expect(await bot.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('refuses a case-reference pattern that would accept names', async () => {
    const replies = await bot.act(ADMIN, 'setup.programme.save', {}, { name: 'Northshire PACE', timeZone: 'Europe/London', caseRefPattern: '.*', ruleSet: 'ihi' });
    expect(replyText(replies)).toMatch(/case reference pattern needs to be one of your references as you write them, like NS-1042/);
  });

  it('saves the programme from the form and audits it', async () => {
    await bot.act(ADMIN, 'setup.programme.save', {}, { name: 'Northshire PACE', timeZone: 'Europe/London', caseRefPattern: '^[A-Za-z]{1,3}\\d{3,8}$', ruleSet: 'ihi' });
    const programme = await bot.db.collection('programmes').findOne({ workspaceId: 'T-TEST' });
    expect(programme).toMatchObject({ name: 'Northshire PACE', ruleSet: 'ihi' });
    const audit = await bot.db.collection('audit').findOne({ entity: 'programme', action: 'create' });
    expect(audit).toMatchObject({ actor: { userId: ADMIN.id }, before: null });
  });

  it('creates aim groups with their aims, and assigns a lead and a coach', async () => {
    expect(replyText(await bot.say(ADMIN, 'group add "Permanence milestones" aim "Reduce time from accommodation to permanence recommendation" target "28 weeks" by 2027-12-31'))).toMatch(/created \(`permanence-milestones`\)/);
    await bot.act(ADMIN, 'setup.group.save', {}, { name: 'Legal processes', aimStatement: 'Lodge applications within 12 weeks of ADM decision', aimTarget: '90% within 12 weeks', aimTargetDate: '2027-06-30' });
    expect(replyText(await bot.say(ADMIN, 'group permanence-milestones lead Lee Lead'))).toMatch(/Lee Lead is now a lead/);
    expect(replyText(await bot.say(ADMIN, 'coach add Cora'))).toMatch(/Cora Coach is now a coach/);
    expect(replyText(await bot.say(LEAD, 'whoami'))).toMatch(/lead of Permanence milestones/);
    expect(replyText(await bot.say(MEMBER, 'groups'))).toMatch(/Legal processes.*90% within 12 weeks/s);
  });

  it('lets a member join a group but not assign leads', async () => {
    expect(replyText(await bot.say(MEMBER, 'join legal-processes'))).toMatch(/Welcome to \*Legal processes\*/);
    expect(replyText(await bot.say(MEMBER, 'group legal-processes lead Mo'))).toMatch(/Only an admin can assign leads/);
    const group = await bot.db.collection('groups').findOne({ key: 'legal-processes' });
    expect(group?.leads).toEqual([]);
    expect(group?.members).toEqual([MEMBER.id]);
  });

  it('names unknown groups and lists the real ones', async () => {
    expect(replyText(await bot.say(MEMBER, 'join health'))).toMatch(/no aim group "health".*`legal-processes`/);
  });

  it('shows help for the role: admins see set-up, members do not', async () => {
    expect(replyText(await bot.say(ADMIN, 'help'))).toMatch(/setup programme/);
    expect(replyText(await bot.say(MEMBER, 'help'))).not.toMatch(/setup programme/);
    expect(replyText(await bot.say(MEMBER, 'help'))).toMatch(/Record a date[\s\S]*pdsa new[\s\S]*chart/);
    expect(replyText(await bot.say(MEMBER, 'help group'))).toMatch(/join <group>/);
    expect(replyText(await bot.say(MEMBER, 'help all'))).toMatch(/join <group>/);
  });

  it("help starts with the admin's checklist, each step marked done or not, and finds commands by word", async () => {
    const checklist = replyText(await bot.say(ADMIN, 'help'));
    expect(checklist).toMatch(/✓ Create the programme/);
    expect(checklist).toMatch(/○ Bring in the children's dates: `import` your tracker with the file attached, or type them/);
    // A key measure for every aim; this one's group has none yet.
    expect(checklist).toMatch(/○ Choose each aim's key measure: `group [\w-]+ measure` lists them/);
    expect(checklist.split('\n').length).toBeLessThan(15);
    expect(replyText(await bot.say(ADMIN, 'help retention'))).toMatch(/retention \[order <months> inactive <months>\]/);
    expect(replyText(await bot.say(ADMIN, 'help tests'))).toMatch(/pdsa new/);
    const nothing = replyText(await bot.say(ADMIN, 'help [Zebedee](https://x.example)'));
    expect(nothing).toMatch(/^Nothing about/);
    expect(nothing).toMatch(/Try `help dates`/);
  });

  it('keeps workspaces apart: another workspace sees none of this and gets its own admin', async () => {
    const other = { id: 'U-OTHER', name: 'Olu Other' };
    expect(replyText(await bot.say(other, 'groups', { workspaceId: 'T-OTHER' }))).toMatch(/No aim groups yet/);
    expect(replyText(await bot.say(other, 'whoami', { workspaceId: 'T-OTHER' }))).toMatch(/admin/);
    expect(replyText(await bot.say(other, 'join legal-processes', { workspaceId: 'T-OTHER' }))).toMatch(/no aim group/);
  });
});

describe('an aim with its key measure', () => {
  it('stores the key measure and the target line from the group form, and refuses a bad target', async () => {
    const local = await createTestBot({ workspaceId: 'T-AIM' });
    await local.say(ADMIN, 'setup programme "Aim test"');
    const bad = await local.act(ADMIN, 'setup.group.save', {}, { name: 'Permanence', aimStatement: 'Faster permanence recommendations', aimTarget: '28 weeks', aimTargetDate: '2027-12-31', aimMeasureKey: 'accommodated-to-permanence-recommendation', aimTargetValue: 'soon' });
    expect(bad[0]!.kind === 'form_errors' && bad[0]!.errors.aimTargetValue).toMatch(/target line must be a number of weeks/);
    expect(await local.db.collection('groups').countDocuments()).toBe(0);
    await local.act(ADMIN, 'setup.group.save', {}, { name: 'Permanence', aimStatement: 'Faster permanence recommendations', aimTarget: '28 weeks', aimTargetDate: '2027-12-31', aimMeasureKey: 'accommodated-to-permanence-recommendation', aimTargetValue: '28' });
    const group = await local.db.collection('groups').findOne({ key: 'permanence' });
    expect(group?.aim).toMatchObject({ measureKey: 'accommodated-to-permanence-recommendation', targetValue: 28 });
    await local.drop();
  });
});
