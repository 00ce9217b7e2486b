import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, MEMBER, replyText, type TestBot } from '../helpers/test-bot.js';
import { imageOf, shiftCases, startMeasuresBot, textOf, waitingCases } from './measures-seed.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startMeasuresBot([...shiftCases(), ...waitingCases()]);
  // These are the run chart's settings: with 24 children the measure would show an I chart by
  // default (measures-control-charts.test.ts), so the lead keeps it a run chart first (version 1).
  await bot.say(LEAD, 'measure acc-rec chart run "the team reads run charts"');
});
afterAll(() => bot.drop());

const KEY = 'accommodated-to-permanence-recommendation';
const stored = () => bot.db.collection('measures').findOne({ workspaceId: 'T-TEST', key: KEY });
const audits = (action: string) =>
  bot.db.collection('audit').find({ entity: 'measure', entityId: KEY, action }).toArray();
const chartText = async () => textOf(await bot.say(MEMBER, 'chart acc-rec'));

describe('who may change how a chart is read', () => {
  it('refuses members, and changes nothing', async () => {
    expect(
      replyText(await bot.say(MEMBER, 'measure acc-rec baseline 12 "before the agenda"')),
    ).toMatch(
      /Only a lead, a coach or an admin can change how the Accommodation to permanence recommendation run chart is read/,
    );
    expect((await stored())?.version).toBe(1);
  });

  it('asks for a reason, saying why it matters, and changes nothing without one', async () => {
    const reply = replyText(await bot.say(LEAD, 'measure acc-rec baseline 12'));
    expect(reply).toMatch(/add a reason in quotes/);
    expect(reply).toMatch(/others need to be able to judge whether it was fair/);
    expect((await stored())?.version).toBe(1);
  });
});

describe('baseline', () => {
  it('freezes the median on the first points and judges the rest against it, audited', async () => {
    // Before: one median (31) over all 24 points.
    expect(await chartText()).toMatch(/IHI rules: 12 points in a row below the median — a shift/);
    const reply = replyText(
      await bot.say(LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"'),
    );
    // The first 12 are 40, 41, 42 repeated: baseline median 41. The 12 faster children all sit below it.
    expect(reply).toMatch(/median now comes from the first 12 points \(to C2012\)/);
    expect(reply).toMatch(/Now: IHI rules: 12 points in a row below the baseline median — a shift/);
    expect(await stored()).toMatchObject({
      version: 2,
      settings: {
        freeze: {
          count: 12,
          throughCaseRef: 'C2012',
          reason: 'Before legal advice was sought early',
          by: { userId: LEAD.id },
        },
      },
    });
    const [audit] = await audits('baseline');
    expect(audit).toMatchObject({ actor: { userId: LEAD.id }, after: { freeze: { count: 12 } } });
    expect(audit?.before).toMatchObject({ phases: [], exclusions: [] });
    const chart = await chartText();
    expect(chart).toMatch(
      /Baseline: median from the first 12 points \(to C2012\) — Lee Lead: "Before legal advice was sought early"/,
    );
    expect(chart).toMatch(/below the baseline median/);
  });

  it('keeps the stored baseline median in a window that starts after the baseline began', async () => {
    // The baseline is C2001–C2012 (median 41); C2012 (9 June 2025) is its only point from June on.
    const fromJune = await bot.say(MEMBER, 'chart acc-rec since Jun 2025');
    expect(imageOf(fromJune).alt).toMatch(
      /Median 41 weeks from a baseline that began before this period and ended at C2012 \(9 June 2025\), extended to C2024 \(24 November 2025\)/,
    );
    expect(textOf(fromJune)).toMatch(
      /Baseline: median 41 weeks from the first 12 points \(to C2012\), 11 of them before this chart's period/,
    );
    // From July none of the baseline is in view: still 41 (the 11 fast children alone would give 21).
    const fromJuly = await bot.say(MEMBER, 'chart acc-rec since Jul 2025');
    expect(imageOf(fromJuly).alt).toMatch(/Median 41 weeks from a baseline before this period/);
    expect(textOf(fromJuly)).toMatch(/11 points in a row below the baseline median — a shift/);
    expect(textOf(fromJuly)).toMatch(/\(to C2012\), all before this chart's period/);
  });

  it('refuses a baseline longer than the data', async () => {
    expect(replyText(await bot.say(COACH, 'measure acc-rec baseline 40 "all of it"'))).toMatch(
      /only 24 points so far/,
    );
    expect((await stored())?.version).toBe(2);
  });
});

describe('phases and exclusions', () => {
  it('splits the chart at a child, each phase judged on its own', async () => {
    const reply = replyText(
      await bot.say(
        COACH,
        'measure acc-rec phase from C2013 "Legal advice before recommendation started"',
      ),
    );
    expect(reply).toMatch(/New phase from C2013: each part gets its own median/);
    expect(reply).toMatch(/baseline is set aside/);
    // Latest phase: 20, 21, 22 repeated, median 21; the four 21s sit on it, leaving 8 useful points.
    expect(reply).toMatch(
      /Now: IHI rules, latest phase: too early to judge — 8 of the 12 points are above or below the median line/,
    );
    expect(await audits('phase')).toHaveLength(1);
    expect(replyText(await bot.say(COACH, 'measure acc-rec phase from point 1 "start"'))).toMatch(
      /first point: a new phase has to start later/,
    );
  });

  it('says a baseline set while the chart has phases is set aside, not that it took effect (a phone try-out)', async () => {
    const reply = replyText(await bot.say(LEAD, 'measure acc-rec baseline 12 "Before legal advice was sought early"'));
    expect(reply).toMatch(/Baseline kept \(the first 12 points, to C2012\), but set aside while the chart is split into phases/);
    expect(reply).not.toMatch(/Baseline set/);
  });

  it('excludes a point with a reason, and includes it again', async () => {
    expect(
      replyText(await bot.say(LEAD, 'measure acc-rec phase remove C2013 "Back to one chart"')),
    ).toMatch(/phase from C2013 is removed/);
    const excluded = replyText(
      await bot.say(LEAD, 'measure acc-rec exclude C2024 "Dates entered in the wrong order"'),
    );
    expect(excluded).toMatch(
      /Excluded C2024: it stays on the chart, marked, but is left out of the median and every rule/,
    );
    // Eleven fast children left below the baseline median of 41.
    expect(excluded).toMatch(/Now: IHI rules: 11 points in a row below the baseline median/);
    expect((await stored())?.settings.exclusions).toEqual([
      expect.objectContaining({ point: 'C2024', reason: 'Dates entered in the wrong order' }),
    ]);
    expect(replyText(await bot.say(LEAD, 'measure acc-rec exclude C9999 "not there"'))).toMatch(
      /C9999 is not on this chart/,
    );
    expect(replyText(await bot.say(LEAD, 'measure acc-rec include C2024'))).toMatch(/add a reason/);
    expect(
      replyText(
        await bot.say(LEAD, 'measure acc-rec include C2024 because the dates were checked'),
      ),
    ).toMatch(/C2024 is back in the median.*12 points in a row below the baseline median/s);
    expect((await stored())?.settings.exclusions).toEqual([]);
    expect((await audits('exclude')).length + (await audits('include')).length).toBe(2);
  });

  it('shows the measure with how it is read', async () => {
    expect(replyText(await bot.say(MEMBER, 'measure acc-rec'))).toMatch(
      /Baseline: median from the first 12 points/,
    );
  });
});

describe('workspaces', () => {
  it('keeps cases, values and settings apart', async () => {
    const other = { id: 'U-OTHER', name: 'Olu Other' };
    const ws = { workspaceId: 'T-OTHER' };
    await bot.say(other, 'setup programme "Southshire PACE"', ws);
    expect(replyText(await bot.say(other, 'chart acc-rec', ws))).toMatch(
      /No data yet for Accommodation to permanence recommendation/,
    );
    expect(
      replyText(await bot.say(other, 'measures', ws))
        .split('\n')
        .filter((l) => l.includes('no data yet')),
    ).toHaveLength(6);
    expect(replyText(await bot.say(other, 'measure acc-rec', ws))).toMatch(
      /Median from all points; nothing excluded/,
    );
    expect(replyText(await bot.say(ADMIN, 'measures'))).toMatch(/latest child 22 weeks/);
  });
});
