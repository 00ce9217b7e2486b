import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCaseRefPattern, findCaseReferences } from '../../src/domain/case-reference.js';
import type { Reply } from '../../src/conversation/turn.js';
import { workspaceStore } from '../../src/store/workspace-store.js';
import { ADMIN, COACH, LEAD, MEMBER, createTestBot, replyText, type TestBot } from '../helpers/test-bot.js';
import { renderPdf, type RenderedPdf } from '../helpers/poppler.js';
import { DIGEST_DUE, WORKSPACE, seedDigestProgramme } from '../jobs/digest-fixture.js';

type FileReply = Extract<Reply, { kind: 'file' }>;
const files = (replies: Reply[]) => replies.filter((r): r is FileReply => r.kind === 'file');
const caseRefsIn = (text: string) => findCaseReferences(text, compileCaseRefPattern());

/** A4 landscape is 841.89 × 595.28 points; pdftoppm at 72 dpi rounds each to a whole pixel. */
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

let bot: TestBot;
let replies: Reply[];
let pdf: RenderedPdf;
beforeAll(async () => {
  bot = await createTestBot({ workspaceId: WORKSPACE });
  await seedDigestProgramme(bot);
  // A test whose title names a child: the channel digest would show it; the pack must not.
  await workspaceStore(bot.db, WORKSPACE).pdsa.insertOne({
    number: 4,
    title: 'Family time plan for C3001',
    changeIdea: 'Timeline of the child’s journey',
    groupKey: 'permanence-milestones',
    ownerId: MEMBER.id,
    ownerName: MEMBER.name,
    stage: 'plan',
    plan: { objective: 'Try it once', prediction: 'It helps' },
    rampPosition: 1,
    linkedMeasures: [],
    notes: [],
    stageDates: { plan: new Date('2027-03-10T10:00:00Z') },
    version: 0,
    createdAt: new Date('2027-03-10T10:00:00Z'),
    updatedAt: new Date('2027-03-10T10:00:00Z'),
  } as never);
  await bot.say(COACH, 'digest question permanence-milestones What stops the plan at 72 hours?');
  bot.setNow(DIGEST_DUE);
  replies = await bot.say(MEMBER, 'meeting pack', { kind: 'channel' });
  pdf = renderPdf(files(replies)[0]!.data);
}, 120_000);
afterAll(async () => {
  await bot?.drop();
});

describe('meeting pack (PDF)', () => {
  it('is handed to any member as a PDF named by the meeting date', () => {
    expect(replyText(replies)).toMatch(/meeting pack for Thu 1 Apr 2027, 10:00.*names no child/s);
    const [file] = files(replies);
    expect(file).toMatchObject({ fileName: 'meeting-pack-2027-04-01.pdf', mimeType: 'application/pdf', again: { verb: 'meeting.pack' } });
    expect(file!.data.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has a cover and two A4 landscape pages for each of the two aim groups', () => {
    expect(pdf.pages).toHaveLength(1 + 2 * 2);
    for (const page of pdf.pages) {
      expect(Math.abs(page.width - A4_LANDSCAPE.width)).toBeLessThan(1);
      expect(Math.abs(page.height - A4_LANDSCAPE.height)).toBeLessThan(1);
    }
  });

  it("draws each group's key chart, without an alpha mask, on the group's first page", () => {
    // Legal processes (pages 2–3) has no measure with data; Permanence milestones' chart is on page 4.
    expect(pdf.images).toEqual([{ page: 4, type: 'image', width: expect.any(Number), height: expect.any(Number), color: 'rgb' }]);
    expect(pdf.images[0]!.width).toBeGreaterThan(600);
  });

  it('carries the cover and every group heading as extractable text', () => {
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Champions’ meeting pack Northshire PACE Meeting: Thu 1 Apr 2027, 10:00 Aim groups • Legal processes • Permanence milestones/);
    for (const heading of ['Aim and progress', 'Key measure: Accommodation to permanence recommendation', 'Children still waiting', 'Tests of change since the last meeting (Thu 18 Feb 2027)', 'Data gaps', 'For discussion']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Reduce time from accommodation to permanence recommendation');
    expect(text).toContain('What stops the plan at 72 hours?');
  });

  it('lists each test of change once, at its stage, with what happened since the last meeting', () => {
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/New • T-1 Agenda at 72-hour meetings, Mo Member/);
    expect(text).toMatch(/Decided • T-3 Review at two weeks, Mo Member: adopt \(studied, then decided\)/);
    expect(text.match(/T-3 Review at two weeks/g)).toHaveLength(1);
    // Carried out on 3 Mar and not studied since: listed once, where it is, marked overdue.
    expect(text).toMatch(/Carried out, to study next • T-2 Tracker of key dates, Mo Member — overdue for Study/);
    expect(text.match(/T-2 Tracker of key dates/g)).toHaveLength(1);
  });

  it('suppresses small numbers and names no child anywhere', () => {
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/fewer than 5 waiting/);
    // The sentence under a chart too: not "3 children are still waiting" beside "fewer than 5 waiting".
    expect(text).toMatch(/Fewer than 5 children are still waiting between/);
    expect(text).not.toMatch(/\b[1-4] (child is|children are) still waiting/);
    expect(text).toMatch(/Milestones out of order or missing: fewer than 5 children/);
    expect(text).toContain('Leads have the details in their direct messages.');
    expect(caseRefsIn(pdf.text)).toEqual([]);
    expect(pdf.text).toContain('Family time plan for [case]');
  });

  it('prints no chat command offered in brackets, such as (chart waiting)', () => {
    expect(pdf.text.replace(/\s+/g, ' ')).toMatch(/still waiting between .* so not counted here\./);
    expect(pdf.text).not.toMatch(/\(chart waiting\)/);
  });
});

describe('meeting pack (HTML, local chat)', () => {
  it('comes as a page beside the PDF in the local chat, with the same headings and no child named', () => {
    const html = files(replies).find((f) => f.mimeType === 'text/html');
    expect(html?.fileName).toBe('meeting-pack-2027-04-01.html');
    const page = html!.data.toString('utf8');
    for (const heading of ['<h1>Champions’ meeting pack</h1>', '<h2>Permanence milestones</h2>', '<h2>Legal processes</h2>', '<h3>Aim and progress</h3>', '<h3>Key measure: Accommodation to permanence recommendation</h3>', '<h3>Children still waiting</h3>', '<h3>Data gaps</h3>', '<h3>For discussion</h3>']) {
      expect(page).toContain(heading);
    }
    expect(page).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/]{1000,}/);
    const words = page.replace(/<[^>]+>|data:image\/png;base64,[^"]+/g, ' ');
    expect(caseRefsIn(words)).toEqual([]);
  });
});

describe('meeting pack command', () => {
  it('is made again by its action (Teams asks consent, then needs the file anew)', async () => {
    const again = files(await bot.act(LEAD, 'meeting.pack'));
    expect(again[0]?.fileName).toBe('meeting-pack-2027-04-01.pdf');
  });

  it('is offered in help to leads and everyone', async () => {
    expect(replyText(await bot.say(LEAD, 'help'))).toMatch(/Get the pack to project or print: `meeting pack`/);
    expect(replyText(await bot.say(MEMBER, 'help meeting'))).toMatch(/`meeting pack` — The next meeting's pack \(PDF\)/);
  });

  it('says how to set meeting dates when there are none', async () => {
    const other = await createTestBot({ workspaceId: 'T-NOPACK' });
    try {
      await other.say(ADMIN, 'setup programme "Southshire PACE"');
      expect(replyText(await other.say(ADMIN, 'meeting pack'))).toMatch(/No champions' meeting dates yet.*meeting set every 6 weeks/);
    } finally {
      await other.drop();
    }
  });
});
