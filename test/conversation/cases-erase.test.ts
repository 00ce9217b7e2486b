import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, firstCard, MEMBER, replyText } from '../helpers/test-bot.js';
import { everything, fileReply, loadWorkbook } from '../helpers/workbook-text.js';
import { counts, expectNowhere, milestonesOf, recordAndConfirm } from './milestones-helpers.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();
let cycle = 0;

beforeAll(async () => {
  await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
  await recordAndConfirm(bot(), 'LAC reviews held on Monday for C1042 and C1077');
  cycle = await planCycle(
    bot(),
    MEMBER,
    planValues({ objective: 'Try the set agenda first at the 72-hour meeting for C1042' }),
  );
  await bot().say(MEMBER, `pdsa T-${cycle} note Used it for C1042 and c1077: both chairs liked it`);
  // An unanswered question about the case, which must not survive erasure either.
  await bot().say(MEMBER, 'C1042 legal advice 20 Oct');
  // A group and a change idea written before their text was checked for references (a DPO review
  // found both kept after erasure, and the group's name shown in the channel's digest).
  const ws = { workspaceId: 'T-TEST', createdAt: new Date() };
  await bot().db.collection('groups').insertOne({
    ...ws, key: 'legal', name: 'Legal C1042', aim: { statement: 'Reduce C1042 waits', target: '12 weeks', targetDate: '2027-12-31' },
    leads: [], coaches: [], members: [], subgroupEveryWeeks: 3,
  });
  await bot().db.collection('change_ideas').insertOne({
    ...ws, key: 'checklist', aim: 'all', title: 'Checklist after C1042', description: 'Learned from c1042', source: 'coach',
    retired: false, createdBy: { userId: ADMIN.id, name: ADMIN.name }, updatedAt: new Date(),
  });
});

const erasePending = (replies: Awaited<ReturnType<ReturnType<typeof bot>['say']>>) =>
  String(firstCard(replies).buttons!.find((b) => b.id === 'erase')!.action.data!.pending);

describe('export and erasure are for admins', () => {
  it('refuses a member both, and changes nothing', async () => {
    const before = await counts(bot());
    expect(replyText(await bot().say(MEMBER, 'case C1042 export'))).toMatch(
      /Only an admin can export a case/,
    );
    expect(replyText(await bot().say(MEMBER, 'case C1042 erase'))).toMatch(
      /Only an admin can erase a case/,
    );
    expect(await counts(bot())).toEqual(before);
  });

  it('exports everything held on the reference as a workbook, and audits the export', async () => {
    const file = fileReply(await bot().say(ADMIN, 'case C1042 export'));
    expect(file.fileName).toMatch(/^pacebot-case-C1042-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await loadWorkbook(file.data);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Case', 'Case history', 'Mentions']);
    const shown = everything(workbook);
    expect(shown).toMatch(/Accommodated/);
    expect(shown).toMatch(/Used it for C1042 and \[other case\]: both chairs liked it/);
    expect(shown).toMatch(/Try the set agenda first at the 72-hour meeting for C1042/);
    expect(
      await bot().db.collection('audit').findOne({ entityId: 'C1042', action: 'export' }),
    ).toMatchObject({ actor: { userId: ADMIN.id } });
  });

  it('holds only its own child: nothing of C1077, recorded by the same message, is in it', async () => {
    const file = fileReply(await bot().say(ADMIN, 'case C1042 export'));
    const shown = everything(await loadWorkbook(file.data));
    expect(shown).toMatch(/C1042/);
    expect(shown).not.toMatch(/C1077/i);
  });
});

describe('erasing a case', () => {
  it('asks first; Cancel changes nothing', async () => {
    const asked = await bot().say(ADMIN, 'case C1042 erase');
    expect(firstCard(asked).title).toBe('Erase C1042?');
    expect(firstCard(asked).buttons!.find((b) => b.id === 'erase')!.style).toBe('danger');
    expect(
      replyText(await bot().act(ADMIN, 'case.erase.cancel', { pending: erasePending(asked) })),
    ).toMatch(/Not erased/);
    expect(await milestonesOf(bot(), 'C1042')).not.toBeNull();
  });

  it('will not erase on a member’s click of an admin’s question', async () => {
    const asked = await bot().say(ADMIN, 'case C1042 erase');
    expect(
      replyText(await bot().act(MEMBER, 'case.erase', { pending: erasePending(asked) })),
    ).toMatch(/Only an admin can erase a case/);
    expect(await milestonesOf(bot(), 'C1042')).not.toBeNull();
    await bot().act(ADMIN, 'case.erase.cancel', { pending: erasePending(asked) });
  });

  it('leaves no trace of the reference, keeps that an erasure happened, and spares other cases', async () => {
    const auditBefore = await bot().db.collection('audit').countDocuments();
    const asked = await bot().say(ADMIN, 'case C1042 erase');
    const done = await bot().act(ADMIN, 'case.erase', { pending: erasePending(asked) });
    expect(replyText(done)).toMatch(/Erased[\s\S]*deleted/);
    await expectNowhere(bot(), 'C1042');
    // One entry added (the erasure); none removed.
    expect(await bot().db.collection('audit').countDocuments()).toBe(auditBefore + 1);
    expect(await bot().db.collection('audit').findOne({ action: 'erase' })).toMatchObject({
      entityId: '[erased]',
      actor: { userId: ADMIN.id },
      after: { caseDeleted: true },
    });
    const notes = (await bot().db.collection('pdsa_cycles').findOne({ number: cycle }))!.notes;
    // Removed whole: the rest of a note about the child says nothing of it either.
    expect(notes[0].text).toBe('[erased]');
    // Found by their keys still (cases, measures and tests point to them), their text rewritten.
    expect(await bot().db.collection('groups').findOne({ key: 'legal' })).toMatchObject({ name: '[erased]', aim: { statement: '[erased]' } });
    expect(await bot().db.collection('change_ideas').findOne({ key: 'checklist' })).toMatchObject({ title: '[erased]', description: '[erased]' });
    const trail = await bot().db.collection('audit').find({ entity: 'case', entityId: '[erased]', action: 'record' }).toArray();
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.every((a) => a.before === null && a.after === null)).toBe(true);
    expect(await milestonesOf(bot(), 'C1077')).toEqual({
      first_lac_review: { actual: '2026-11-16' },
    });
    expect(replyText(await bot().say(MEMBER, 'case C1042'))).toMatch(/No case C1042 yet/);
    expect(
      replyText(await bot().act(ADMIN, 'case.erase', { pending: erasePending(asked) })),
    ).toMatch(/already answered, or it expired/);
  });
});
