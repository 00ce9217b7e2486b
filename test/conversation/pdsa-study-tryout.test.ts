import { beforeAll, describe, expect, it } from 'vitest';
import type { FormValues } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';
import { renderPdf } from '../helpers/poppler.js';
import { ADMIN, firstCard, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import { planValues, useProgrammeBot } from './pdsa-scenario.js';

/**
 * A phone try-out of a checkable prediction from Plan to the digest: a prediction already true of
 * the baseline, a Study form with no points since the start, and a member who overrules the bot's
 * "too early to say" (with the reason asked for), which the digest and the pack must not hide.
 */
const bot = useProgrammeBot();
const MEASURE = 'weeks-to-recommendation';
/** A year of monthly medians before the tests (Nov 2025 – Oct 2026): their median is 21.8 weeks. */
const BASELINE = [22, 21.5, 22.1, 21.8, 21.8, 23, 20, 21, 22.5, 21.8, 21.8, 22];
const MONTHS = ['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026'];

const predicting = (amount: string): FormValues =>
  planValues({ linkedMeasures: MEASURE, predictDirection: 'down', predictAmount: amount, predictBy: '2027-04-30' });
const STUDY = { resultsVsPrediction: 'Too soon for the chart', learned: 'Chairs like the agenda' };
const tests: Record<string, number> = {};

function formErrors(replies: Reply[]): Record<string, string> {
  const [reply] = replies;
  if (reply?.kind !== 'form_errors') throw new Error(`expected form_errors, got ${reply?.kind}`);
  return reply.errors;
}

describe('a checkable prediction from Plan to the digest', () => {
  let baselineMet: Reply[];
  let notYetMet: Reply[];
  beforeAll(async () => {
    await bot().say(LEAD, 'measure new "Weeks to recommendation" unit weeks better down group permanence-milestones monthly');
    for (const [i, weeks] of BASELINE.entries())
      await bot().say(MEMBER, `measure record weeks to recommendation ${MONTHS[i]} ${weeks}`);
    baselineMet = await bot().act(MEMBER, 'pdsa.plan.save', {}, predicting('24'));
    notYetMet = await bot().act(MEMBER, 'pdsa.plan.save', {}, predicting('18'));
    tests.overruled = Number(/T-(\d+) saved/.exec(replyText(baselineMet))![1]);
    tests.agreed = Number(/T-(\d+) saved/.exec(replyText(notYetMet))![1]);
  });

  it('says gently at Plan when the prediction is already true of the baseline, and saves it', () => {
    expect(replyText(baselineMet)).toMatch(/T-\d+ saved/);
    expect(replyText(baselineMet)).toMatch(
      /the median is already 21\.8 weeks, so this would be met without any change — predict something the test should change\?/,
    );
    // A prediction the baseline does not meet yet gets no such note.
    expect(replyText(notYetMet)).toMatch(/At Study the bot checks: Weeks to recommendation falls to 18 weeks or below/);
    expect(replyText(notYetMet)).not.toMatch(/already/);
  });

  it('words the Study form plainly when no point has come in since the test started', async () => {
    for (const number of Object.values(tests))
      await bot().act(MEMBER, 'pdsa.do.save', { number }, { carriedOutOn: '2026-11-19', whatHappened: 'Ran it with Team A' });
    const form = firstCard(await bot().act(MEMBER, 'pdsa.stage', { number: tests.overruled!, stage: 'study' }));
    const section = form.sections!.find((s) => s.heading === 'Your prediction beside what happened')!;
    expect(section.text).toMatch(/No points since the test started yet \(before it: median 21\.8 weeks\)\./);
    expect(section.text).not.toMatch(/no points yet|from 0 points/);
  });

  it('labels the reason as needed only when differing from the bot, and applies that rule', async () => {
    const form = firstCard(await bot().act(MEMBER, 'pdsa.stage', { number: tests.overruled!, stage: 'study' }));
    const refused = await bot().act(MEMBER, 'pdsa.study.save', { number: tests.overruled! }, { ...STUDY, verdict: 'met' });
    await bot().act(MEMBER, 'pdsa.study.save', { number: tests.agreed! }, { ...STUDY, verdict: 'too_early' });
    const reason = form.form!.inputs.find((i) => i.id === 'verdictReason')!;
    expect(reason.label).toBe('Why a different verdict?');
    expect(reason.kind === 'multiline' && reason.needed).toBe('needed when you differ from the data');
    expect(reason.required).not.toBe(true);
    // Differing without a reason is refused beside the field…
    expect(formErrors(refused).verdictReason).toMatch(/say why/);
    // …agreeing without one is saved.
    const agreed = await bot().db.collection('pdsa_cycles').findOne({ number: tests.agreed });
    expect(agreed!.study.predictionCheck).toMatchObject({ botVerdict: 'too_early', verdict: 'too_early' });
  });

  it('shows in the digest that the member overruled the data, not only the verdict they kept', async () => {
    const number = tests.overruled!;
    await bot().act(MEMBER, 'pdsa.study.save', { number }, { ...STUDY, verdict: 'met', verdictReason: 'The baseline already met it' });
    await bot().act(MEMBER, 'pdsa.act.save', { number }, { decision: 'adapt' });
    await bot().say(ADMIN, 'meeting set every 6 weeks from 3 Dec 2026 10:00');
    const digest = replyText(await bot().say(LEAD, 'digest preview', { kind: 'channel' }));
    expect(digest).toContain(`T-${number} Set agenda at 72-hour meetings, Team A (Mo Member: *adapt*, prediction met (the data: too early to say))`);
    // Kept and read alike: no second reading to show.
    expect(digest).toMatch(new RegExp(`T-${tests.agreed} [^\\n;]*\\(Mo Member, prediction too early to say \\(not enough points yet\\)\\)`));
  });

  it('says the same in the meeting pack’s tests of change', async () => {
    const replies = await bot().say(MEMBER, 'meeting pack', { kind: 'channel' });
    const file = replies.find((r): r is Extract<Reply, { kind: 'file' }> => r.kind === 'file')!;
    const text = renderPdf(file.data).text.replace(/\s+/g, ' ');
    expect(text).toContain(`T-${tests.overruled} Set agenda at 72-hour meetings, Team A, Mo Member: adapt, prediction met (the data: too early to say)`);
  }, 60_000);
});
