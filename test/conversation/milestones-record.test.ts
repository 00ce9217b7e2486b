import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_CATALOGUE } from '../../src/domain/milestone-catalogue.js';
import { ADMIN, createTestBot, firstCard, LEAD, MEMBER, replyText } from '../helpers/test-bot.js';
import {
  cardRows,
  counts,
  milestonesOf,
  pendingOf,
  recordAndConfirm,
} from './milestones-helpers.js';
import { useProgrammeBot } from './pdsa-scenario.js';

interface Fixture {
  today: string;
  cases: {
    text: string;
    expect: {
      records?: { caseRef: string; milestone: string; date: string; planned?: boolean }[];
      error?: string;
    };
  }[];
}
const fixtures: Fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/utterances.json', import.meta.url)), 'utf8'),
);
const understood = fixtures.cases.filter((c) => c.expect.records);
const label = (key: string) => DEFAULT_MILESTONE_CATALOGUE.find((m) => m.key === key)!.label;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const bot = useProgrammeBot({ now: `${fixtures.today}T10:00:00Z` });

describe('a milestone sentence becomes a confirmation card', () => {
  it.each(understood)('"$text"', async ({ text, expect: { records } }) => {
    const before = await counts(bot());
    const card = firstCard(await bot().say(MEMBER, text));
    const rows = cardRows(card);
    expect(rows).toHaveLength(records!.length);
    for (const [i, r] of records!.entries()) {
      const [year, month, day] = r.date.split('-').map(Number);
      expect(rows[i]).toMatchObject({
        Case: r.caseRef,
        Milestone: label(r.milestone),
        Status: r.planned ? expect.stringMatching(/^Planned/) : 'Happened',
      });
      // The weekday in front helps a reader catch a slip of a day.
      expect(rows[i]!.Date).toMatch(
        new RegExp(`^\\w{3} ${day} ${MONTHS[month! - 1]}\\w? ${year}$`),
      );
    }
    expect(card.buttons?.map((b) => b.label)).toEqual(['Confirm', 'Edit', 'Cancel']);
    expect(JSON.stringify(card.buttons).length).toBeLessThan(2000);
    // Nothing is stored yet: only the question waits.
    expect(await counts(bot())).toEqual({ ...before, pending: before.pending + 1 });
  });

  it('shows "Sat 3 Oct 2026" for 3 October this year', async () => {
    expect(cardRows(firstCard(await bot().say(MEMBER, 'C1042 accommodated 3 Oct')))[0]!.Date).toBe(
      'Sat 3 Oct 2026',
    );
  });

  it('takes "record …" and "milestone …" as explicit commands', async () => {
    for (const said of [
      'record C2001 accommodated 3 Oct',
      'milestone C2001 accommodated 3 Oct',
      '/pace milestone C2001 accommodated 3 Oct',
    ]) {
      expect(cardRows(firstCard(await bot().say(MEMBER, said)))[0]).toMatchObject({
        Case: 'C2001',
        Milestone: 'Accommodated',
      });
    }
  });
});

describe('confirming stores the dates, audits them and says what changed', () => {
  it('stores on Confirm, audits what was understood rather than the message, and gives the interval', async () => {
    await recordAndConfirm(bot(), 'C3001 accommodated 3 Oct');
    await recordAndConfirm(bot(), 'permanence recommendation for C3001 on 1 Nov');
    const saved = await recordAndConfirm(
      bot(),
      'Sophie (C3001) went to permanence panel on 13 Nov',
    );
    expect(replyText(saved)).toMatch(
      /C3001.*permanence panel on Fri 13 Nov 2026 — 41 days \(5\.9 weeks\) from accommodation to permanence panel; 12 days from permanence recommendation to permanence panel/,
    );
    expect(saved[0]).toMatchObject({ kind: 'card', replaces: true });
    expect(await milestonesOf(bot(), 'C3001')).toEqual({
      accommodated: { actual: '2026-10-03' },
      permanence_recommendation: { actual: '2026-11-01' },
      permanence_panel: { actual: '2026-11-13' },
    });
    const audit = await bot()
      .db.collection('audit')
      .find({ entity: 'case', entityId: 'C3001' })
      .sort({ _id: 1 })
      .toArray();
    expect(audit.map((a) => a.action)).toEqual(['record', 'record', 'record']);
    expect(audit[2]).toMatchObject({
      actor: { userId: MEMBER.id },
      before: { version: 2, milestones: { permanence_recommendation: { actual: '2026-11-01' } } },
      after: { version: 3, milestones: { permanence_panel: { actual: '2026-11-13' } } },
      source: { platform: 'web' },
    });
    // What was understood is the structured change above; no text, which could name another child.
    expect(audit.every((a) => a.source.text === undefined)).toBe(true);
    // A name typed beside the reference is kept nowhere: not in the audit, not in the question.
    const everything = JSON.stringify([
      ...audit,
      ...(await bot().db.collection('pending_actions').find({}).toArray()),
    ]);
    expect(everything).not.toContain('Sophie');
  });

  it('stores nothing on Cancel, and says so on the same card', async () => {
    const before = await counts(bot());
    const asked = await bot().say(MEMBER, 'C3002 accommodated 3 Oct');
    const cancelled = await bot().act(MEMBER, 'milestone.cancel', { pending: pendingOf(asked) });
    expect(replyText(cancelled)).toMatch(/Cancelled\s+Nothing was stored/);
    expect(cancelled[0]).toMatchObject({ replaces: true });
    expect(await milestonesOf(bot(), 'C3002')).toBeNull();
    expect(await counts(bot())).toEqual({ ...before, pending: before.pending + 1 });
    const late = await bot().act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    expect(replyText(late)).toMatch(/already been confirmed or cancelled/);
    expect(await milestonesOf(bot(), 'C3002')).toBeNull();
  });

  it('applies a double click once', async () => {
    const asked = await bot().say(MEMBER, 'C3003 accommodated 3 Oct');
    const id = pendingOf(asked);
    const [first, second] = await Promise.all([
      bot().act(MEMBER, 'milestone.confirm', { pending: id }),
      bot().act(MEMBER, 'milestone.confirm', { pending: id }),
    ]);
    expect([replyText(first), replyText(second)].filter((t) => /^Saved/.test(t))).toHaveLength(1);
    expect(await bot().db.collection('cases').findOne({ caseRef: 'C3003' })).toMatchObject({
      version: 1,
    });
    expect(await bot().db.collection('audit').countDocuments({ entityId: 'C3003' })).toBe(1);
  });

  it('records a planned date, then the real one in its place', async () => {
    await recordAndConfirm(bot(), 'C3004 accommodated 1 Sep');
    const planned = await recordAndConfirm(bot(), 'panel booked for C3004 on 12 December');
    expect(replyText(planned)).toMatch(
      /permanence panel planned for Sat 12 Dec 2026 — 102 days \(14\.6 weeks\) after accommodation/,
    );
    expect((await milestonesOf(bot(), 'C3004'))!.permanence_panel).toEqual({
      planned: '2026-12-12',
    });
    bot().setNow('2026-12-14T10:00:00Z');
    try {
      const asked = await bot().say(MEMBER, 'C3004 panel was on 10 Dec');
      expect(cardRows(firstCard(asked))[0]).toMatchObject({
        'Plan met': 'was planned for Sat 12 Dec 2026 → happened Thu 10 Dec 2026',
        Status: 'Happened',
      });
      await bot().act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    } finally {
      bot().setNow(`${fixtures.today}T10:00:00Z`);
    }
    expect((await milestonesOf(bot(), 'C3004'))!.permanence_panel).toEqual({
      actual: '2026-12-10',
    });
  });

  it('shows a correction as was → now, and audits the old date', async () => {
    await recordAndConfirm(bot(), 'C3005 accommodated 3 Oct');
    const asked = await bot().say(MEMBER, 'C3005 accommodated 5 Oct');
    expect(cardRows(firstCard(asked))[0]).toMatchObject({
      Correction: 'was Sat 3 Oct 2026 → now Mon 5 Oct 2026',
    });
    await bot().act(MEMBER, 'milestone.confirm', { pending: pendingOf(asked) });
    const last = await bot()
      .db.collection('audit')
      .find({ entityId: 'C3005' })
      .sort({ _id: -1 })
      .next();
    expect(last).toMatchObject({
      before: { milestones: { accommodated: { actual: '2026-10-03' } } },
      after: { milestones: { accommodated: { actual: '2026-10-05' } } },
    });
  });

  it('stores a sentence about two children as two cases, each audited', async () => {
    const saved = await recordAndConfirm(bot(), 'LAC reviews held on Monday for C3006 and C3007');
    expect(replyText(saved)).toMatch(/Saved: 2 cases/);
    for (const ref of ['C3006', 'C3007']) {
      expect(await milestonesOf(bot(), ref)).toEqual({
        first_lac_review: { actual: '2026-11-16' },
      });
      expect(
        await bot().db.collection('audit').countDocuments({ entity: 'case', entityId: ref }),
      ).toBe(1);
    }
  });

  it('says when a date is already held, without asking again', async () => {
    await recordAndConfirm(bot(), 'C3008 accommodated 3 Oct');
    const before = await counts(bot());
    expect(replyText(await bot().say(MEMBER, 'C3008 was accommodated on 03/10/2026'))).toMatch(
      /Already recorded: C3008 accommodated on Sat 3 Oct 2026\. Nothing to change/,
    );
    expect(await counts(bot())).toEqual(before);
  });

  it('lets only the person who sent the dates confirm them', async () => {
    const asked = await bot().say(MEMBER, 'C3009 accommodated 3 Oct');
    expect(
      replyText(await bot().act(LEAD, 'milestone.confirm', { pending: pendingOf(asked) })),
    ).toMatch(/Only the person who sent those dates/);
    expect(await milestonesOf(bot(), 'C3009')).toBeNull();
  });

  it('keeps workspaces apart: a guessed question id from another workspace confirms nothing', async () => {
    const asked = await bot().say(MEMBER, 'C3010 accommodated 3 Oct');
    const id = pendingOf(asked);
    const other = { id: MEMBER.id, name: MEMBER.name };
    await bot().say(ADMIN, 'setup programme "Southshire PACE"', { workspaceId: 'T-OTHER' });
    const reply = await bot().act(
      other,
      'milestone.confirm',
      { pending: id },
      {},
      { workspaceId: 'T-OTHER' },
    );
    expect(replyText(reply)).toMatch(
      /already been confirmed or cancelled, or the question expired/,
    );
    expect(await bot().db.collection('cases').countDocuments({ caseRef: 'C3010' })).toBe(0);
    expect(
      await bot()
        .db.collection('pending_actions')
        .findOne({
          workspaceId: 'T-TEST',
          source: { $exists: true },
          status: 'open',
          'payload.records.caseRef': 'C3010',
        }),
    ).not.toBeNull();
  });
});

describe('before a programme exists', () => {
  it('refuses kindly and says how to set one up', async () => {
    const fresh = await createTestBot();
    try {
      await fresh.say(ADMIN, 'whoami');
      expect(replyText(await fresh.say(ADMIN, 'C1042 accommodated 3 Oct'))).toMatch(
        /no programme yet.*setup programme/,
      );
      expect(await counts(fresh)).toMatchObject({ cases: 0, pending: 0 });
    } finally {
      await fresh.drop();
    }
  });
});
