import { describe, expect, it } from 'vitest';
import type { FormValues } from '../../cards/model.js';
import { runPlanDigests } from '../../jobs/plan-digests.js';
import { createLogger } from '../../src/log.js';
import { ADMIN, COACH, firstCard, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { OUTSIDER, planCycle, planValues, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();
const cycle = (number: number) => bot().db.collection('pdsa_cycles').findOne({ number });
const MEASURE = 'weeks-to-recommendation';

/** Monthly medians: a year around 40 weeks, then (from Nov 2026, when the tests start) around 30. */
const BEFORE = [40, 41, 39, 42, 40, 38, 41, 40, 39, 42, 40, 41];
const AFTER = [30, 29, 31, 28, 30, 29];
const MONTHS = ['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'];

const linked = (overrides: FormValues = {}) => planValues({ linkedMeasures: MEASURE, ...overrides });

async function carriedOut(number: number, on = '2026-11-12') {
  await bot().act(MEMBER, 'pdsa.do.save', { number }, { carriedOutOn: on, whatHappened: 'Ran it with Team A' });
}

async function studyForm(number: number) {
  return firstCard(await bot().act(MEMBER, 'pdsa.stage', { number, stage: 'study' }));
}

const STUDY = { resultsVsPrediction: 'See the chart', learned: 'Legal advice earlier helps' };

describe('predictions scored against what happened', () => {
  const tests: Record<string, number> = {};

  it('stores a checkable prediction from the Plan form, and one read from the prediction’s words', async () => {
    await bot().say(LEAD, `measure new "Weeks to recommendation" unit weeks better down group permanence-milestones monthly`);
    // Planned on Thu 19 Nov 2026: "by March" is the end of March 2027.
    const saved = await bot().act(MEMBER, 'pdsa.plan.save', {}, linked({ prediction: 'The median falls below 32 weeks by March' }));
    expect(replyText(saved)).toMatch(/At Study the bot checks: Weeks to recommendation falls to 32 weeks or below by 31 Mar 2027\./);
    tests.met = Number(/T-(\d+) saved/.exec(replyText(saved))![1]);
    expect(replyText(await bot().act(MEMBER, 'pdsa.plan.save', {}, linked()))).toMatch(
      /Want the bot to score the prediction at Study\? Edit the plan \(`pdsa T-\d+ edit`\)/,
    );
    tests.partly = await planCycle(
      bot(),
      MEMBER,
      linked({ predictDirection: 'down', predictAmount: '25', predictBy: '2027-04-30' }),
    );
    tests.notMet = await planCycle(
      bot(),
      MEMBER,
      linked({ prediction: 'At least 45 weeks over the next 3 months, as more complex cases come through' }),
    );
    expect((await cycle(tests.met))!.plan.checkable).toEqual({ measureKey: MEASURE, direction: 'down', amount: 32, by: '2027-03-31' });
    expect((await cycle(tests.partly))!.plan.checkable).toEqual({ measureKey: MEASURE, direction: 'down', amount: 25, by: '2027-04-30' });
    expect((await cycle(tests.notMet))!.plan.checkable).toEqual({ measureKey: MEASURE, direction: 'up', amount: 45, by: '2027-02-19' });
  });

  it('asks for the rest of a checkable prediction when only part is given, and saves nothing', async () => {
    const before = await bot().db.collection('pdsa_cycles').countDocuments();
    const [reply] = await bot().act(MEMBER, 'pdsa.plan.save', {}, linked({ predictDirection: 'down', predictAmount: '30' }));
    if (reply!.kind !== 'form_errors') throw new Error(`expected form_errors, got ${reply!.kind}`);
    expect(reply!.errors.predictBy).toMatch(/By when\?/);
    const [unknown] = await bot().act(MEMBER, 'pdsa.plan.save', {}, linked({ predictDirection: 'down', predictAmount: '30', predictBy: '2027-03-31', predictMeasure: 'widgets per fortnight' }));
    if (unknown!.kind !== 'form_errors') throw new Error(`expected form_errors, got ${unknown!.kind}`);
    expect(unknown!.errors.predictMeasure).toMatch(/widgets per fortnight/);
    expect(await bot().db.collection('pdsa_cycles').countDocuments()).toBe(before);
  });

  it('says "too early" while the measure has too few points since the start', async () => {
    for (const number of Object.values(tests)) await carriedOut(number);
    // Tue 8 Dec 2026: only November's point since the tests started.
    bot().setNow('2026-12-08T10:00:00Z');
    for (const [i, weeks] of [...BEFORE, AFTER[0]!].entries())
      await bot().say(MEMBER, `measure record weeks to recommendation ${MONTHS[i]} ${weeks}`);
    const form = await studyForm(tests.met!);
    const section = form.sections!.find((s) => s.heading === 'Your prediction beside what happened')!;
    expect(section.text).toMatch(/falls to 32 weeks or below by 31 Mar 2027/);
    expect(section.text).toMatch(/from 1 point\b/);
    expect(section.text).toMatch(/verdict: \*too early to say \(not enough points yet\)\*/);
    expect(form.form!.inputs.find((i) => i.id === 'verdict')).toMatchObject({ value: 'too_early' });
  });

  it('scores met, partly met and not met once the points are in, with the values and the signal', async () => {
    bot().setNow('2027-05-10T10:00:00Z');
    for (const [i, weeks] of AFTER.slice(1).entries())
      await bot().say(MEMBER, `measure record weeks to recommendation ${MONTHS[13 + i]} ${weeks}`);
    const text = async (n: number) => (await studyForm(n)).sections!.find((s) => s.heading?.startsWith('Your prediction'))!.text!;

    const met = await text(tests.met!);
    expect(met).toMatch(/median 30 weeks \(before the test: median 40 weeks\), from 5 points/);
    expect(met).toMatch(/Values: Nov 2026: 30 weeks; Dec 2026: 29 weeks; Jan 2027: 31 weeks; Feb 2027: 28 weeks; Mar 2027: 30 weeks/);
    expect(met).toMatch(/signal after the start: a shift below the centre line from point 13 \(Nov 2026\)/);
    expect(met).toMatch(/verdict: \*met\*/);

    expect(await text(tests.partly!)).toMatch(/verdict: \*partly met \(moved the way you predicted, not as far\)\*/);
    // Predicted a rise to 45 by 19 Feb; the level fell instead.
    const notMet = await text(tests.notMet!);
    // A monthly point counts for its whole month: February is in, March is after the "by" date.
    expect(notMet).toMatch(/from 4 points/);
    expect(notMet).toMatch(/verdict: \*not met — a lesson/);
  });

  it('keeps the confirmed verdict with the figures it rested on, audited', async () => {
    await bot().act(MEMBER, 'pdsa.study.save', { number: tests.met! }, { ...STUDY, verdict: 'met' });
    expect((await cycle(tests.met!))!.study.predictionCheck).toEqual({
      botVerdict: 'met',
      verdict: 'met',
      level: 30,
      before: 40,
      points: 5,
      signal: 'a shift below the centre line from point 13 (Nov 2026)',
      checkedOn: '2027-05-10',
    });
    const audit = await bot().db.collection('audit').findOne({ entityId: `T-${tests.met}`, action: 'study' });
    expect(audit?.after).toMatchObject({ study: { predictionCheck: { verdict: 'met' } } });
  });

  it('lets the person recording Study overrule the verdict only with a reason, and guards the reason', async () => {
    const number = tests.partly!;
    const [noReason] = await bot().act(MEMBER, 'pdsa.study.save', { number }, { ...STUDY, verdict: 'met' });
    if (noReason!.kind !== 'form_errors') throw new Error('expected form_errors');
    expect(noReason!.errors.verdictReason).toMatch(/say why/);
    const [named] = await bot().act(MEMBER, 'pdsa.study.save', { number }, { ...STUDY, verdict: 'met', verdictReason: "Kayden Smith's case was the only slow one" });
    if (named!.kind !== 'form_errors') throw new Error(`expected form_errors, got ${named!.kind}`);
    expect(named!.errors.verdictReason).toMatch(/name/);
    expect(JSON.stringify(named)).not.toMatch(/Kayden/);
    expect((await cycle(number))!.stage).toBe('do');

    await bot().act(MEMBER, 'pdsa.study.save', { number }, { ...STUDY, verdict: 'met', verdictReason: 'The 25-week target was for the whole year, and April is on track' });
    expect((await cycle(number))!.study.predictionCheck).toMatchObject({
      botVerdict: 'partly_met',
      verdict: 'met',
      reason: 'The 25-week target was for the whole year, and April is on track',
    });
    expect(replyText(await bot().say(MEMBER, `T-${number}`))).toMatch(
      /Prediction: met — the group's verdict; the bot read: partly met \(moved the way you predicted, not as far\)\. Reason: The 25-week target/,
    );
    await bot().act(MEMBER, 'pdsa.study.save', { number: tests.notMet! }, STUDY);
    expect((await cycle(tests.notMet!))!.study.predictionCheck).toMatchObject({ botVerdict: 'not_met', verdict: 'not_met' });
  });

  it('shows coaches and leads each group’s predictions and how often they were met, as learning', async () => {
    const said = replyText(await bot().say(COACH, 'predictions'));
    expect(said).toMatch(/not met teaches as much as one that was\. This is not a league table/);
    expect(said).toMatch(new RegExp(`T-${tests.notMet} .*rises to 45 weeks or above by 19 Feb 2027 — not met — a lesson`));
    expect(said).toMatch(new RegExp(`T-${tests.partly} .*— met \\(the group’s verdict; the bot read it differently\\)`));
    expect(said).toMatch(/2027 Q2: 3 studied — 2 met, 0 partly met, 1 not met \(lessons\)/);
    expect(said).toMatch(/Legal processes\*: no checkable predictions yet/);
    expect(replyText(await bot().say(LEAD, 'predictions group permanence-milestones'))).toMatch(/2027 Q2: 3 studied/);
    expect(replyText(await bot().say(MEMBER, 'predictions'))).toMatch(/Only a lead or a coach/);
    expect(replyText(await bot().say(OUTSIDER, 'predictions'))).toMatch(/Only a lead or a coach/);
    expect(replyText(await bot().say(ADMIN, 'predictions'))).toMatch(/2027 Q2/);
  });

  it('lists the tests studied with their verdicts in the digest', async () => {
    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const digest = replyText(await bot().say(LEAD, 'digest preview', { kind: 'channel' }));
    expect(digest).toMatch(new RegExp(`T-${tests.met} [^\\n;]*\\(Mo Member, prediction met\\)`));
    expect(digest).toMatch(new RegExp(`T-${tests.notMet} [^\\n;]*prediction not met — a lesson`));
  });

  it('sends them in the digest the scheduler plans two working days before the meeting', async () => {
    // Meetings every 6 weeks from 3 Dec 2026: the one after the studies is Thu 20 May 2027, so the
    // digest is due Tue 18 May at 09:00 London time (08:00 UTC).
    const due = '2027-05-18T08:00:00Z';
    bot().setNow(due);
    const planned = await runPlanDigests({ db: bot().db, logger: createLogger('silent'), owner: 'test', clock: () => new Date(due) });
    expect(planned).toEqual({ 'T-TEST': 'planned' });
    const sent = replyText(await bot().say(MEMBER, 'digest last'));
    expect(sent).toMatch(/Thu 20 May 2027/);
    // The group overruled the bot's "partly met": the digest shows both readings.
    expect(sent).toMatch(new RegExp(`T-${tests.partly} [^\\n;]*prediction met \\(the data: partly met\\)\\)`));
    expect(sent).toMatch(new RegExp(`T-${tests.notMet} [^\\n;]*prediction not met — a lesson`));
  });
});
