import { describe, expect, it } from 'vitest';
import type { MeetingPack } from '../../src/meeting-pack/pack-model.js';
import { packFonts } from '../../src/meeting-pack/pack-fonts.js';
import { renderPackPdf } from '../../src/meeting-pack/render-pack-pdf.js';
import { renderPdf } from '../helpers/poppler.js';

const list = (heading: string, items: string[]) => ({ heading, items, none: 'none' });

function pack(programmeName: string, groupName: string): MeetingPack {
  return {
    programmeName,
    meetingWhen: 'Thu 1 Apr 2027, 10:00',
    meetingDate: '2027-04-01',
    period: 'since the last meeting (Thu 18 Feb 2027)',
    about: ['Data as of Tue 30 Mar 2027.'],
    groups: [
      {
        name: groupName,
        aim: null,
        chart: null,
        otherMeasures: [],
        waiting: list('Children still waiting', []),
        tests: [list('New', [])],
        gaps: list('Data gaps', []),
        questions: list('For discussion', []),
      },
    ],
  };
}

/**
 * The pack's fonts are parsed once per process and shared between packs; each PDF must still carry
 * every glyph its own text uses, even glyphs no earlier pack needed.
 */
describe('meeting packs sharing parsed fonts', () => {
  it('embeds in each pack the glyphs of its own text', async () => {
    const fonts = packFonts();
    expect(fonts.unicode).toBe(true); // CI installs fonts-dejavu-core, as the image does
    const first = renderPdf(await renderPackPdf(pack('Aaa', 'Aaa group'), fonts));
    expect(first.text).toContain('Aaa group');
    // Letters and a Welsh ŵ that the first pack never drew.
    const second = renderPdf(await renderPackPdf(pack('Dŵr Quixotic Zebras', 'Jolly Vexing Ŵ group'), fonts));
    expect(second.text).toContain('Dŵr Quixotic Zebras');
    expect(second.text).toContain('Jolly Vexing Ŵ group');
  });

  it('lays out a pack the same with words shaped for earlier packs', async () => {
    const fonts = packFonts();
    const long = 'Children waiting past the aim, with their stage and weeks waited, longest first. '.repeat(4);
    const words = { ...pack('Same words twice', long), about: [long, long] };
    const first = await renderPackPdf(words, fonts);
    const again = await renderPackPdf(words, fonts);
    // Same text, wrapped at the same places (pdftotext keeps line breaks), and the same size.
    expect(renderPdf(again).text).toBe(renderPdf(first).text);
    expect(Math.abs(again.length - first.length)).toBeLessThan(64); // only the dates and ids differ
  });
});
