import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/turn.js';
import { ADMIN, COACH, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { insertCases, shiftCases } from './measures-seed.js';
import { planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();
const MONTHS = ['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'];
/** A year around 40, then six months around 30 from November 2026, when the tests start. */
const WEEKS = [40, 41, 39, 42, 40, 38, 41, 40, 39, 42, 40, 41, 30, 29, 31, 28, 30, 29];
const measure = (key: string) => bot().db.collection('measures').findOne({ key });

function proposal(replies: Reply[]) {
  const found = replies.find((r) => r.kind === 'card' && r.card.title === 'A new phase?');
  return found?.kind === 'card' ? found.card : null;
}
function button(replies: Reply[], label: RegExp) {
  const found = proposal(replies)?.buttons?.find((b) => label.test(b.label));
  if (!found) throw new Error(`no ${label} button in ${replyText(replies)}`);
  return found.action;
}

async function carriedOut(test: number) {
  await bot().act(MEMBER, 'pdsa.do.save', { number: test }, { carriedOutOn: '2026-11-12', whatHappened: 'Ran it' });
}

describe('proposed baseline splits, decided by people', () => {
  const tests: Record<string, number> = {};

  it('proposes a new phase where a shift begins just after a linked test started, in the chart reply and the digest', async () => {
    for (const name of ['Booking weeks', 'Panel weeks'])
      await bot().say(LEAD, `measure new "${name}" unit weeks better down group permanence-milestones monthly`);
    tests.accept = await planCycle(bot(), MEMBER, planValues({ linkedMeasures: 'booking-weeks' }));
    tests.dismiss = await planCycle(bot(), MEMBER, planValues({ linkedMeasures: 'panel-weeks' }));
    await carriedOut(tests.accept);
    await carriedOut(tests.dismiss);
    bot().setNow('2027-05-10T10:00:00Z');
    for (const [i, weeks] of WEEKS.entries()) {
      await bot().say(MEMBER, `measure record booking weeks ${MONTHS[i]} ${weeks}`);
      await bot().say(MEMBER, `measure record panel weeks ${MONTHS[i]} ${weeks}`);
    }
    const chart = await bot().say(MEMBER, 'chart booking weeks');
    expect(replyText([proposal(chart) ? { kind: 'card', card: proposal(chart)! } : chart[0]!])).toMatch(
      new RegExp(`The shift starting at point 13 \\(Nov 2026\\) lines up with T-${tests.accept} \\(started 12 Nov\\)\\. Start a new phase there\\?`),
    );
    // Nothing is re-baselined by itself.
    expect((await measure('booking-weeks'))?.settings.phases ?? []).toEqual([]);

    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const digest = await bot().say(LEAD, 'digest preview', { kind: 'channel' });
    expect(replyText(digest)).toMatch(new RegExp(`Proposed:_ The shift starting at point 13 \\(Nov 2026\\) lines up with T-${tests.accept}`));
    const digestButtons = digest.flatMap((r) => (r.kind === 'card' ? (r.card.buttons ?? []) : []));
    expect(digestButtons.map((b) => b.label)).toContain(`Accept phase at T-${tests.accept}…`);
  });

  it('shows a member the proposal without buttons in a direct message, saying who decides', async () => {
    const card = proposal(await bot().say(MEMBER, 'chart booking weeks'));
    expect(card?.buttons ?? []).toEqual([]);
    expect(card?.sections?.[0]?.text).toMatch(
      new RegExp(`A lead of Permanence milestones, a coach or an admin decides, with a reason: tell them if you think T-${tests.accept} changed this\\.`),
    );
    // The lead of the group gets the buttons there.
    expect(proposal(await bot().say(LEAD, 'chart booking weeks'))?.buttons?.map((b) => b.label)).toContain(`Accept phase at T-${tests.accept}…`);
  });

  it('refuses a member who presses Accept or Dismiss in a channel, and changes nothing', async () => {
    // In a channel the buttons are there for whichever lead reads it.
    const accept = button(await bot().say(MEMBER, 'chart booking weeks', { kind: 'channel' }), /^Accept/);
    expect(replyText(await bot().act(MEMBER, accept.verb, accept.data))).toMatch(/Only a lead of Permanence milestones, a coach or an admin can accept a new phase/);
    const dismiss = button(await bot().say(MEMBER, 'chart booking weeks', { kind: 'channel' }), /^Dismiss/);
    expect(replyText(await bot().act(MEMBER, dismiss.verb, dismiss.data))).toMatch(/Only a lead of Permanence milestones, a coach or an admin can dismiss/);
    expect((await measure('booking-weeks'))!.settings).toEqual({ phases: [], exclusions: [], astronomical: [] });
  });

  it('lets a lead accept only with a reason; the phase is audited and shown on the chart with the test', async () => {
    const accept = button(await bot().say(LEAD, 'chart booking weeks'), /^Accept/);
    const [opened] = await bot().act(LEAD, accept.verb, accept.data);
    if (opened!.kind !== 'form') throw new Error(`expected the reason form, got ${opened!.kind}`);
    const submit = opened!.card.form!.submit;
    const [noReason] = await bot().act(LEAD, submit.verb, submit.data!, { reason: '' });
    if (noReason!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(noReason!.errors.reason).toMatch(/Say why/);
    expect((await measure('booking-weeks'))!.settings.phases).toEqual([]);

    const done = replyText(await bot().act(LEAD, submit.verb, submit.data!, { reason: 'Panel dates now booked at recommendation' }));
    expect(done).toMatch(new RegExp(`new phase from November 2026, at T-${tests.accept}`));
    const stored = await measure('booking-weeks');
    expect(stored!.settings.phases).toMatchObject([
      { startPeriod: '2026-11', testNumber: tests.accept, reason: 'Panel dates now booked at recommendation', by: { userId: LEAD.id } },
    ]);
    const audit = await bot().db.collection('audit').findOne({ entityId: 'booking-weeks', action: 'phase_at_test' });
    expect(audit?.after).toMatchObject({ phases: [{ testNumber: tests.accept }] });

    const chart = await bot().say(MEMBER, 'chart booking weeks');
    expect(proposal(chart)).toBeNull();
    expect(replyText(chart)).toMatch(new RegExp(`New phase from November 2026 \\(at T-${tests.accept}\\) — Lee Lead: "Panel dates now booked at recommendation"`));
    const image = chart.find((r) => r.kind === 'image');
    // The break is drawn as a marker labelled with its test (listed in the alt text with the tests).
    expect(image?.kind === 'image' && image.alt).toMatch(new RegExp(`split into 2 phases.*New phase \\(T-${tests.accept}\\) \\(from November 2026\\)`));
  });

  it('remembers a dismissal and does not propose the same phase again', async () => {
    const dismiss = button(await bot().say(COACH, 'chart panel weeks'), /^Dismiss/);
    expect(replyText(await bot().act(COACH, dismiss.verb, dismiss.data))).toMatch(new RegExp(`won't propose a phase at T-${tests.dismiss} again`));
    expect((await measure('panel-weeks'))!.settings).toMatchObject({ phases: [], splitsDismissed: [{ testNumber: tests.dismiss, by: { userId: COACH.id } }] });
    expect(proposal(await bot().say(LEAD, 'chart panel weeks'))).toBeNull();
    expect(replyText(await bot().act(COACH, dismiss.verb, dismiss.data))).toMatch(/no longer stands/);
    bot().setNow('2027-05-11T10:00:00Z');
    const digest = replyText(await bot().say(LEAD, 'digest preview', { kind: 'channel' }));
    expect(digest, digest).not.toMatch(/Proposed:/);
  });
});

describe('a proposal on a chart with a point per child', () => {
  it('names the point by number and month, and the accepted phase starts at that child', async () => {
    await insertCases(bot().db, 'T-TEST', shiftCases());
    const key = 'accommodated-to-permanence-recommendation';
    const test = await planCycle(bot(), MEMBER, planValues({ linkedMeasures: key }));
    // Child 13 (C2013), the first of the quicker ones, was recommended on 23 Jun 2025.
    await bot().act(MEMBER, 'pdsa.do.save', { number: test }, { carriedOutOn: '2025-06-20', whatHappened: 'Ran it' });
    // By now (May 2027) the default window of 24 months starts at child 12, and shows no shift:
    // point 13 is point 13 on the chart of all the children.
    const inChannel = await bot().say(LEAD, `chart ${key} all data`, { kind: 'channel' });
    expect(replyText(inChannel)).toMatch(new RegExp(`The shift starting at point 13 \\(Jun 2025\\) lines up with T-${test} \\(started 20 Jun\\)`));
    expect(JSON.stringify(inChannel.filter((r) => r.kind !== 'image'))).not.toMatch(/C20\d\d/);

    const accept = button(await bot().say(LEAD, `chart ${key} all data`), /^Accept/);
    const [opened] = await bot().act(LEAD, accept.verb, accept.data);
    if (opened!.kind !== 'form') throw new Error('expected the reason form');
    const submit = opened!.card.form!.submit;
    await bot().act(LEAD, submit.verb, submit.data!, { reason: 'Legal advice before recommendation from June' });
    expect((await measure(key))!.settings.phases).toMatchObject([{ startPeriod: '2025-06-23', startCaseRef: 'C2013', testNumber: test }]);
    expect(proposal(await bot().say(LEAD, `chart ${key} all data`))).toBeNull();
  });
});
