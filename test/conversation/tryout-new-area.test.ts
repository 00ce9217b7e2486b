import { describe, expect, it } from 'vitest';
import { ADMIN, COACH, firstCard, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

/**
 * What tripped a new area's champions trying the bot in the local chat on a phone: an admin adding
 * the coach, a lead asking for the meeting dates, a member planning a test with a checkable prediction.
 */
const bot = useProgrammeBot();
const members = () => bot().db.collection('members');

describe('an admin adds the coach in one sentence', () => {
  it('`person add "Ravi Shah" as coach` makes Ravi a coach of the programme', async () => {
    const said = replyText(await bot().say(ADMIN, 'person add "Ravi Shah" as coach'));
    expect(said).toMatch(/Ravi Shah is now a coach/);
    const ravi = await members().findOne({ name: 'Ravi Shah' });
    expect(ravi!.roles).toContain('coach');
  });

  it('without quotes too, and no one is added under a name that ends in "as coach"', async () => {
    expect(replyText(await bot().say(ADMIN, 'person add Uma Bose as a coach'))).toMatch(/Uma Bose is now a coach/);
    expect(await members().countDocuments({ name: /as a? ?coach/i })).toBe(0);
    expect((await members().findOne({ name: 'Uma Bose' }))!.roles).toContain('coach');
  });

  it('`as admin` makes an admin', async () => {
    expect(replyText(await bot().say(ADMIN, 'person add "Pat Kerr" as admin'))).toMatch(/Pat Kerr is now an admin/);
    expect((await members().findOne({ name: 'Pat Kerr' }))!.roles).toContain('admin');
  });

  it('`as lead` with no group asks which group and adds no one', async () => {
    const before = await members().countDocuments({});
    const said = replyText(await bot().say(ADMIN, 'person add "Dee Hart" as lead'));
    expect(said).toMatch(/Which group\?.*person add "Dee Hart" as lead of (legal-processes|permanence-milestones)`/s);
    expect(await members().countDocuments({})).toBe(before);
  });
});

describe('a lead asks when the meetings are', () => {
  it('`meetings` answers like `meeting next`', async () => {
    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const said = replyText(await bot().say(MEMBER, 'meetings'));
    expect(said).not.toMatch(/didn't catch/);
    expect(said).toBe(replyText(await bot().say(MEMBER, 'meeting next')));
  });
});

describe('a member plans a test with a checkable prediction', () => {
  const plan = planValues({
    linkedMeasures: 'accommodated-to-first-lac-review',
    predictDirection: 'down',
    predictAmount: '2',
    predictBy: '2027-02-28',
  });

  it('the saved card says the check in words, with the measure’s name and unit, not its key', async () => {
    const saved = replyText(await bot().act(MEMBER, 'pdsa.plan.save', {}, plan));
    expect(saved).toMatch(/At Study the bot checks: Accommodation to first LAC review falls to 2 weeks or below by 28 Feb 2027\./);
    expect(saved).not.toMatch(/accommodated-to-first-lac-review/);
  });

  it('the cycle card names its measures and shows the checkable prediction', async () => {
    const number = await planCycle(bot(), MEMBER, plan);
    const shown = firstCard(await bot().say(MEMBER, `pdsa T-${number}`));
    const facts = shown.sections!.flatMap((s) => s.facts ?? []);
    expect(facts.find((f) => f.label === 'Measures')?.value).toBe('Accommodation to first LAC review');
    expect(facts.find((f) => f.label === 'Checked at Study')?.value).toBe('Accommodation to first LAC review falls to 2 weeks or below by 28 Feb 2027');
  });
});

describe('a social worker records two dates of one child in one sentence', () => {
  it('the saved card gives the interval once, on the later stage’s line, not on the accommodation line', async () => {
    const saved = replyText(await recordAndConfirm(bot(), 'C1045 accommodated 1 Feb and first LAC review 14 Feb'));
    const lines = saved.split('\n').filter((l) => l.includes('C1045*:')).map((l) => l.trim());
    expect(lines).toEqual([
      '- *C1045*: accommodated on Sun 1 Feb 2026',
      '- *C1045*: first LAC review on Sat 14 Feb 2026 — 13 days from accommodation to first LAC review',
    ]);
  });
});

describe('an admin creates a group in one line in the local chat', () => {
  it('is told how to give it a lead in words that work there (a name, not an @mention)', async () => {
    const said = replyText(await bot().say(ADMIN, 'group add "Health" aim "Health assessments within 4 weeks" target "90%" by December 2027'));
    expect(said).toMatch(/Aim group \*Health\* created/);
    expect(said).toMatch(/person add "<name>" as lead of health/);
    expect(said).not.toMatch(/@name/);
    const onSlack = replyText(await bot().say(ADMIN, 'group add "Education"', { turn: { platform: 'slack' } }));
    expect(onSlack).toMatch(/group education lead @name/);
  });
});

describe('a group whose name ends in s', () => {
  it('links its channel as "Permanence milestones’ channel", not "milestones\'s"', async () => {
    const said = replyText(await bot().say(ADMIN, 'group permanence-milestones link', { kind: 'channel' }));
    expect(said).toMatch(/This channel is now \*Permanence milestones\*' channel/);
    expect(said).not.toMatch(/s's/);
    await bot().say(ADMIN, 'group add "Health"');
    expect(replyText(await bot().say(ADMIN, 'group health link', { kind: 'channel' }))).toMatch(/\*Health\*'s channel/);
  });
});

describe('`help` starts with what each role does first, in sentences that work as typed', () => {
  it('a coach gets a coach’s first steps: prompts, reviewing the group’s tests, the idea library', async () => {
    const said = replyText(await bot().say(COACH, 'help'));
    expect(said).toMatch(/What you can do\* \(coach\)/);
    expect(said).toMatch(/`prompt [a-z-]+ every Monday at 09:00: What did your last test of change teach you\?`/);
    // Tests waiting for their Study are those carried out: `status do` (`status study` lists studied ones).
    expect(said).toMatch(/`pdsa list all status do`/);
    expect(said).toMatch(/`ideas`/);
    const prompt = /`(prompt [^`]+)`/.exec(said)![1]!;
    const scheduled = replyText(await bot().say(COACH, prompt));
    expect(scheduled).toMatch(/P-\d+/);
    expect(scheduled).not.toMatch(/Only a coach|couldn|didn't catch/i);
  });

  it('a lead’s steps name their own group, not <group>', async () => {
    const said = replyText(await bot().say(LEAD, 'help'));
    expect(said).toMatch(/`pdsa list group permanence-milestones`/);
    // A question for the meeting is a coach's to queue (domain.md), so a lead is not offered it.
    expect(said).not.toMatch(/digest question/);
    expect(said).not.toMatch(/<group>/);
  });

  it('in the local chat the admin’s checklist adds a lead by name', async () => {
    const said = replyText(await bot().say(ADMIN, 'help'));
    expect(said).toMatch(/○ Make someone a lead: Legal processes\b.* no lead yet — `person add "<name>" as lead of legal-processes`/);
  });

  it('`change ideas` opens the library like `ideas`', async () => {
    const said = replyText(await bot().say(MEMBER, 'change ideas'));
    expect(said).not.toMatch(/didn't catch/);
    expect(said).toBe(replyText(await bot().say(MEMBER, 'ideas')));
  });
});

describe('a social worker types `cancel` instead of pressing Cancel', () => {
  it('cancels their newest open question, says which, and stores nothing', async () => {
    await bot().say(MEMBER, 'C1060 accommodated 3 March');
    await bot().say(MEMBER, 'C1060 accommodated 3 March 2025');
    const said = replyText(await bot().say(MEMBER, 'cancel'));
    expect(said).toMatch(/Cancelled: C1060 accommodated on Mon 3 Mar 2025\. Nothing was stored\./);
    expect(said).toMatch(/1 more is still waiting/);
    expect(await bot().db.collection('pending_actions').countDocuments({ userId: MEMBER.id, status: 'open' })).toBe(1);
    expect(replyText(await bot().say(MEMBER, 'cancel'))).toMatch(/Cancelled: C1060 accommodated on Tue 3 Mar 2026\. Nothing was stored\.$/);
    expect(await bot().db.collection('cases').countDocuments({ caseRef: 'C1060' })).toBe(0);
  });

  it('with nothing waiting, says so', async () => {
    expect(replyText(await bot().say(MEMBER, 'cancel'))).toBe('There are no dates waiting for you to confirm, so there is nothing to cancel.');
  });
});

describe('an admin names a lead on the group form before adding them', () => {
  it('the form comes back with the problem beside Leads, what was typed kept, and no group saved', async () => {
    const values = { name: 'Early years', aimStatement: 'Plan permanence sooner for babies', aimTarget: '90% within 20 weeks', aimTargetDate: '2027-12-31', addLeads: 'Noor Ali' };
    const [reply] = await bot().act(ADMIN, 'setup.group.save', {}, values);
    expect(reply!.kind).toBe('form_errors');
    if (reply!.kind !== 'form_errors') return;
    // A field's message is plain text: forms show it as typed, so no markdown backticks.
    expect(reply.errors.addLeads).toBe('I don\'t know "Noor Ali" yet. Add them first: person add "Noor Ali".');
    const kept = (id: string) => {
      const input = reply.card.form!.inputs.find((i) => i.id === id);
      return input && 'value' in input ? input.value : undefined;
    };
    expect(await bot().db.collection('groups').countDocuments({ key: 'early-years' })).toBe(0);
    expect(kept('aimTarget')).toBe('90% within 20 weeks');
    // The lead typed is kept too: sent again once they are added, the group gets its lead.
    expect(kept('addLeads')).toEqual(['Noor Ali']);
    await bot().say(ADMIN, 'person add "Noor Ali"');
    await bot().act(ADMIN, 'setup.group.save', {}, { ...values, addLeads: (kept('addLeads') as string[]).join(', ') });
    expect((await bot().db.collection('groups').findOne({ key: 'early-years' }))!.leads).toEqual(['local-noor-ali']);
  });
});

describe('a social worker asks for a child’s history the short way', () => {
  it('`C1061 history` and `C1061 timeline` answer as `case C1061 history` and `case C1061 timeline` do', async () => {
    await recordAndConfirm(bot(), 'C1061 accommodated 3 March');
    for (const word of ['history', 'timeline']) {
      const short = replyText(await bot().say(MEMBER, `C1061 ${word}`));
      expect(short).not.toMatch(/couldn’t tell which milestone/);
      expect(short).toBe(replyText(await bot().say(MEMBER, `case C1061 ${word}`)));
    }
  });
});

describe('words people type for lists the bot calls otherwise', () => {
  it('`my tests` and `my tests of change` list your tests like `pdsa list`; `charts` lists the measures like `measures`', async () => {
    const mine = replyText(await bot().say(MEMBER, 'pdsa list'));
    expect(mine).toMatch(/T-\d+/);
    expect(replyText(await bot().say(MEMBER, 'my tests'))).toBe(mine);
    expect(replyText(await bot().say(MEMBER, 'my tests of change'))).toBe(mine);
    const measures = replyText(await bot().say(MEMBER, 'measures'));
    expect(replyText(await bot().say(MEMBER, 'charts'))).toBe(measures);
  });
});
