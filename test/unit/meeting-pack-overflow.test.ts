import { describe, expect, it } from 'vitest';
import type { MeetingPack, PackGroup } from '../../src/meeting-pack/pack-model.js';
import { renderPackPdf } from '../../src/meeting-pack/render-pack-pdf.js';
import { renderPdf } from '../helpers/poppler.js';

const list = (heading: string, items: string[] = []) => ({ heading, items, none: 'None.' });

/** A group whose right-hand column (aim, waiting, other measures) is far longer than a page. */
function crowdedGroup(): PackGroup {
  return {
    name: 'Permanence milestones',
    aim: { statement: 'Reduce the time from accommodation to permanence recommendation', target: '90% within 26 weeks by December 2027', progress: ['Latest month: 64% within 26 weeks'] },
    chart: null,
    otherMeasures: Array.from(
      { length: 14 },
      (_, i) => `Measure number ${i + 1}: 8 points in a row below the median, a shift that looks like an improvement [Target: consistently missed (it is well above the line), ending ${i + 1}]`,
    ),
    waiting: list('Children still waiting', Array.from({ length: 12 }, (_, i) => `Waiting at stage ${i + 1}: fewer than 5`)),
    tests: [list('Decided')],
    gaps: list('Data gaps'),
    questions: list('For discussion'),
  };
}

const pack: MeetingPack = {
  programmeName: 'Overflow PACE',
  meetingWhen: 'Thu 1 Apr 2027, 10:00',
  meetingDate: '2027-04-01',
  period: 'since the last meeting (Thu 18 Feb 2027)',
  about: ['Data as of Tue 30 Mar 2027.'],
  groups: [crowdedGroup()],
};

describe("a group's first page that does not fit (a phone try-out: the verdict was cut with '…')", () => {
  it('continues on a page of its own, so every line is there whole', async () => {
    const pdf = renderPdf(await renderPackPdf(pack));
    const text = pdf.text.replace(/\s+/g, ' ');
    // Cover, the group's page, its continuation, its work page.
    expect(pdf.pages).toHaveLength(4);
    expect(text).toContain('Permanence milestones (continued)');
    for (let i = 1; i <= 14; i++) expect(text).toContain(`(it is well above the line), ending ${i}]`);
    expect(text).not.toContain('…');
  });
});
