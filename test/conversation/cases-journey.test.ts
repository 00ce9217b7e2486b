import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, firstCard, LEAD, MEMBER, replyText, type TestUser } from '../helpers/test-bot.js';
import { counts, milestonesOf, recordAndConfirm } from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

beforeAll(async () => {
  await recordAndConfirm(bot(), 'C1042 accommodated 3 Oct');
  await recordAndConfirm(bot(), 'First LAC review for C1042 was on 14/10');
  await recordAndConfirm(bot(), 'C1042 permanence recommendation 2 Nov');
  await recordAndConfirm(bot(), 'panel booked for C1042 on 12 December');
});

/** `case <ref> undo`, then the confirmation card's Undo, as the user would. */
async function undoCase(user: TestUser, caseRef: string) {
  const asked = firstCard(await bot().say(user, `case ${caseRef} undo`));
  const undo = asked.buttons!.find((b) => b.id === 'undo')!;
  return bot().act(user, undo.action.verb, undo.action.data ?? {});
}

const section = (card: ReturnType<typeof firstCard>, heading: string) =>
  card.sections?.find((s) => s.heading === heading)?.text ?? '';

describe('case C1042: a child’s journey', () => {
  it('lists the milestones in order with the time between them, plans, the wait and the last change', async () => {
    const card = firstCard(await bot().say(MEMBER, 'case C1042'));
    expect(card.title).toBe('C1042: journey to permanence');
    expect(section(card, 'Milestones').split('\n')).toEqual([
      '- *Accommodated* — Sat 3 Oct 2026',
      '- *First LAC review* — Wed 14 Oct 2026 · 11 days after accommodation',
      '- *Permanence recommendation* — Mon 2 Nov 2026 · 19 days (2.7 weeks) after first LAC review',
    ]);
    expect(section(card, 'Planned')).toBe(
      '- *Permanence panel* — planned Sat 12 Dec 2026 (in 3 weeks)',
    );
    expect(section(card, 'Now')).toBe(
      'Current stage: after permanence recommendation. Waiting 2 weeks since Mon 2 Nov 2026.',
    );
    expect(card.facts).toEqual([{ label: 'Last change', value: 'Mo Member, 19 Nov 2026 10:00' }]);
    expect(card.buttons?.map((b) => [b.label, b.action.verb])).toEqual([
      ['Timeline', 'case.timeline'],
      ['History', 'case.history'],
      ['Undo last change', 'case.undo'],
      ['Team', 'case.team.open'],
    ]);
  });

  it('offers Undo last change only to someone who may undo it (a phone try-out: it was on every card)', async () => {
    const buttons = async (user: TestUser) => firstCard(await bot().say(user, 'case C1042')).buttons!.map((b) => b.id);
    expect(await buttons(MEMBER)).toContain('undo');
    expect(await buttons(LEAD)).toContain('undo');
    // Someone else's change, and no lead or admin role: pressing it was refused.
    expect(await buttons(COACH)).not.toContain('undo');
    // A case with nothing to undo: a team named, no dates.
    await bot().say(MEMBER, 'C1099 team North');
    expect(firstCard(await bot().say(MEMBER, 'case C1099')).buttons!.map((b) => b.id)).not.toContain('undo');
  });

  it('answers the reference on its own, or "journey for …", with the same card', async () => {
    for (const said of ['C1042', 'c1042', 'show C1042', 'journey for C1042', 'C1042 journey']) {
      expect(firstCard(await bot().say(MEMBER, said)).title).toBe('C1042: journey to permanence');
    }
    expect(firstCard(await bot().act(MEMBER, 'case.show', { ref: 'C1042' })).title).toBe(
      'C1042: journey to permanence',
    );
  });

  it('says how to start an unknown case', async () => {
    expect(replyText(await bot().say(MEMBER, 'case C9999'))).toBe(
      'No case C9999 yet. Record a milestone to start one, e.g. *C9999 accommodated 3 Oct*.',
    );
  });

  it('refuses a word that is not a reference without repeating it', async () => {
    const reply = replyText(await bot().say(MEMBER, 'case Jamie'));
    // The area holds C1042: the example takes other digits, so a hint never names a child.
    expect(reply).toMatch(/Please give a case reference \(like C2024\), never a name/);
    expect(reply).not.toContain('Jamie');
  });

  it('records a milestone said after "case C1042"', async () => {
    expect(firstCard(await bot().say(MEMBER, 'case C1042 legal advice 20 Oct')).title).toBe(
      'Check before I save',
    );
  });

  it('draws the timeline as an image with the dates in its alt text', async () => {
    const [image] = await bot().act(MEMBER, 'case.timeline', { ref: 'C1042' });
    expect(image?.kind).toBe('image');
    if (image?.kind !== 'image') return;
    expect(image.png.subarray(1, 4).toString()).toBe('PNG');
    expect(image.alt).toMatch(/C1042/);
    expect(image.alt).toMatch(/Accommodated/);
    expect(replyText(await bot().say(MEMBER, 'case C1042 timeline'))).toBe(image.alt);
  });

  it('shows who changed what and when, in dates and milestone names only', async () => {
    const history = replyText(await bot().say(MEMBER, 'case C1042 history'));
    expect(history.split('\n').slice(0, 3)).toEqual([
      '*C1042: history*',
      '- 19 Nov 2026 10:00 · Mo Member recorded: Permanence panel planned Sat 12 Dec 2026',
      '- 19 Nov 2026 10:00 · Mo Member recorded: Permanence recommendation Mon 2 Nov 2026',
    ]);
  });

  it('says when the journey is complete', async () => {
    await recordAndConfirm(bot(), 'C0450 agency decision maker signed off on 1st Sept');
    await recordAndConfirm(bot(), 'PO application lodged in court for C0450 on 2026-11-09');
    await recordAndConfirm(bot(), 'Order granted for C0450 last Tuesday');
    expect(section(firstCard(await bot().say(MEMBER, 'case C0450')), 'Now')).toBe(
      'Permanence secured: order granted on Tue 17 Nov 2026.',
    );
  });
});

describe('case C1042 undo', () => {
  it('reverts your last change on the card, audited, and steps further back when said again', async () => {
    await recordAndConfirm(bot(), 'C2001 accommodated 3 Oct');
    await recordAndConfirm(bot(), 'C2001 accommodated 5 Oct');
    await recordAndConfirm(bot(), 'C2001 LAC review 12 Oct');
    expect(replyText(await undoCase(MEMBER, 'C2001'))).toBe(
      'Undone your change on *C2001*: First LAC review Mon 12 Oct 2026 removed.',
    );
    expect(await milestonesOf(bot(), 'C2001')).toEqual({ accommodated: { actual: '2026-10-05' } });
    // The case card's button asks on the same card.
    const asked = firstCard(await bot().act(MEMBER, 'case.undo', { ref: 'C2001' }));
    expect(asked.title).toBe('Undo your last change to C2001?');
    const undo = asked.buttons!.find((b) => b.id === 'undo')!;
    expect(replyText(await bot().act(MEMBER, undo.action.verb, undo.action.data ?? {}))).toBe(
      'Undone your change on *C2001*: Accommodated Mon 5 Oct 2026 → Sat 3 Oct 2026.',
    );
    expect(await milestonesOf(bot(), 'C2001')).toEqual({ accommodated: { actual: '2026-10-03' } });
    const undos = await bot()
      .db.collection('audit')
      .find({ entityId: 'C2001', action: 'undo' })
      .toArray();
    expect(undos).toHaveLength(2);
    expect(undos[1]).toMatchObject({
      actor: { userId: MEMBER.id },
      before: { milestones: { accommodated: { actual: '2026-10-05' } } },
      after: { undoes: expect.any(String) },
    });
    await undoCase(MEMBER, 'C2001');
    expect(replyText(await bot().say(MEMBER, 'case C2001 undo'))).toBe(
      'There is no change to undo on C2001.',
    );
  });

  it('refuses to undo someone else’s change unless a lead or an admin asks', async () => {
    await recordAndConfirm(bot(), 'C2002 accommodated 3 Oct', MEMBER);
    const before = await counts(bot());
    expect(replyText(await bot().say(COACH, 'case C2002 undo'))).toBe(
      'The last change to C2002 was made by Mo Member. Only they, a lead or an admin can undo it.',
    );
    expect(await counts(bot())).toEqual(before);
    expect(replyText(await undoCase(LEAD, 'C2002'))).toBe(
      'Undone the change by Mo Member on *C2002*: Accommodated Sat 3 Oct 2026 removed.',
    );
    await recordAndConfirm(bot(), 'C2002 accommodated 4 Oct', MEMBER);
    expect(replyText(await undoCase(ADMIN, 'C2002'))).toMatch(
      /^Undone the change by Mo Member/,
    );
  });
});
