import type { MeetingPack, PackGroup, PackList } from './pack-model.js';
import { PACK_HEADINGS } from './pack-model.js';
import { latinOnly, packFonts, type PackFonts } from './pack-fonts.js';
import { parsedFont } from './parsed-fonts.js';
import { opaquePng } from './opaque-png.js';
import { pdfPngImage, type PdfImage } from './pdf-png-image.js';
import { loadOnce } from '../load-once.js';

const pdfkit = loadOnce(() => import('pdfkit'));

type Doc = PDFKit.PDFDocument;

/** A4 landscape in points, with margins a projector and a printer both keep. */
const MARGIN = 36;
const PAGE = { width: 841.89, height: 595.28 };
const BOTTOM = PAGE.height - MARGIN;
const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b5394';

/** Sizes in points: body text stays readable on a projected slide at the back of a room. */
const SIZE = { title: 30, groupTitle: 22, heading: 14, body: 11.5, small: 10 };

interface Box {
  x: number;
  width: number;
}

/**
 * One run of text in a column, never past the page's bottom: what does not fit ends in "…" (the
 * last guard; a writer with somewhere to continue starts a page first, see PackWriter).
 */
function write(doc: Doc, text: string, box: Box, options: { font: string; size: number; color?: string; gap?: number }): void {
  const room = BOTTOM - doc.y;
  doc.font(options.font).fontSize(options.size);
  if (room < doc.currentLineHeight(true)) return;
  doc.fillColor(options.color ?? INK).text(text, box.x, doc.y, { ...layoutOf(box, options), height: room, ellipsis: true });
}

const layoutOf = (box: Box, options: { gap?: number }) => ({ width: box.width, paragraphGap: options.gap ?? 2, lineGap: 1 });

class PackWriter {
  /**
   * Where text goes once a page is full: a fresh page and the box to write in there. Unset, text
   * that does not fit is cut with "…". A group's aim, waiting list and other measures used to end
   * mid-sentence at the page's foot ("[Target: consistently missed (it…", a phone try-out).
   */
  private overflow: { column: Box; next: () => Box } | null = null;
  /** After an overflow: the column it left and the box it goes on in, on the fresh page. */
  private moved: { from: Box; to: Box } | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: PackFonts,
  ) {}

  /**
   * Lets what follows in `column` continue on a fresh page (`next` adds it and says where), until
   * `stopContinuing`; a box indented within the column keeps its indent there.
   */
  continueWith(column: Box, next: () => Box): void {
    this.overflow = { column, next };
    this.moved = null;
  }

  stopContinuing(): void {
    this.overflow = null;
    this.moved = null;
  }

  /** `box` as it lands after an overflow: the same indent from the new box's left edge. */
  private placed(box: Box): Box {
    if (!this.moved) return box;
    const indent = Math.max(0, box.x - this.moved.from.x);
    return { x: this.moved.to.x + indent, width: this.moved.to.width - indent };
  }

  private put(text: string, box: Box, options: { font: string; size: number; color?: string; gap?: number; keepWithNext?: boolean }): void {
    const { doc } = this;
    let at = this.placed(box);
    doc.font(options.font).fontSize(options.size);
    // Measured only where text could continue on a fresh page: laying the text out to measure it
    // costs as much as writing it (most of a digest's pack was laid out twice; issue 15).
    if (this.overflow && doc.y + this.heightOf(text, at, options) > BOTTOM) {
      const { column, next } = this.overflow;
      // One continuation per part: the fresh page is empty, so the rest fits (or is cut there).
      this.overflow = null;
      this.moved = { from: column, to: next() };
      at = this.placed(box);
    }
    write(doc, text, at, options);
  }

  /** The height `text` takes in `box`; for a heading, with two lines of body text under it. */
  private heightOf(text: string, box: Box, options: { size: number; gap?: number; keepWithNext?: boolean }): number {
    const { doc } = this;
    // A heading needs a line of what follows under it, or it would end the page alone.
    const following = options.keepWithNext ? doc.fontSize(SIZE.body).currentLineHeight(true) * 2 : 0;
    doc.fontSize(options.size);
    return doc.heightOfString(text, layoutOf(box, options)) + following;
  }

  private t(text: string): string {
    return this.fonts.unicode ? text : latinOnly(text);
  }

  heading(text: string, box: Box): void {
    this.doc.moveDown(0.4);
    this.put(this.t(text), box, { font: 'bold', size: SIZE.heading, color: ACCENT, gap: 3, keepWithNext: true });
  }

  line(text: string, box: Box, options: { font?: string; size?: number; color?: string } = {}): void {
    this.put(this.t(text), box, { font: options.font ?? 'regular', size: options.size ?? SIZE.body, ...(options.color && { color: options.color }) });
  }

  bullets(items: readonly string[], box: Box, none: string, size = SIZE.body): void {
    if (items.length === 0) this.line(none, box, { color: MUTED, size });
    for (const item of items) this.line(`•  ${item}`, box, { size });
  }

  list(list: PackList, box: Box): void {
    this.line(list.heading, { x: box.x, width: box.width }, { font: 'bold', size: SIZE.body });
    this.bullets(list.items, { x: box.x + 8, width: box.width - 8 }, list.none);
  }

  footer(text: string): void {
    const { doc } = this;
    // The footer sits in the bottom margin; with the margin in place pdfkit would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor(MUTED);
    doc.text(this.t(text), MARGIN, PAGE.height - MARGIN + 10, { width: PAGE.width - 2 * MARGIN, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

function cover(doc: Doc, w: PackWriter, pack: MeetingPack): void {
  const full = { x: MARGIN, width: PAGE.width - 2 * MARGIN };
  doc.y = 90;
  w.line('Champions’ meeting pack', full, { font: 'bold', size: SIZE.title, color: ACCENT });
  w.line(pack.programmeName, full, { font: 'bold', size: 20 });
  w.line(`Meeting: ${pack.meetingWhen}`, full, { size: 18 });
  w.heading('Aim groups', full);
  w.bullets(pack.groups.map((g) => g.name), full, 'No aim groups yet.', 14);
  doc.moveDown(1);
  for (const about of pack.about) w.line(about, full, { size: SIZE.small, color: MUTED });
}

/** Page 1 of a group: the aim, its key measure's chart with what the rules say, who is waiting. */
function chartPage(doc: Doc, w: PackWriter, group: PackGroup, png: PdfImage | Buffer | null, footer: string): void {
  const left = { x: MARGIN, width: 470 };
  const right = { x: MARGIN + 490, width: PAGE.width - 2 * MARGIN - 490 };
  doc.y = MARGIN;
  w.line(group.name, { x: MARGIN, width: PAGE.width - 2 * MARGIN }, { font: 'bold', size: SIZE.groupTitle });
  const top = doc.y + 4;
  doc.y = top;
  w.heading(`${PACK_HEADINGS.chart}${group.chart ? `: ${group.chart.name}` : ''}`, left);
  if (group.chart && png) {
    const imageTop = doc.y + 2;
    // @types/pdfkit lists paths and buffers; pdfkit itself also takes an opened image.
    doc.image(png as Buffer, left.x, imageTop, { fit: [left.width, 270] });
    doc.y = imageTop + 276;
    for (const sentence of group.chart.sentences) w.line(sentence, left, { size: SIZE.small });
  } else {
    w.line('No measure of this group has data to chart yet.', left, { color: MUTED });
  }
  doc.y = top;
  // The right column may run past the page: it continues, full width, on a page of its own.
  w.continueWith(right, () => {
    w.footer(footer);
    doc.addPage();
    doc.y = MARGIN;
    w.line(`${group.name} (continued)`, { x: MARGIN, width: PAGE.width - 2 * MARGIN }, { font: 'bold', size: SIZE.groupTitle });
    return { x: MARGIN, width: PAGE.width - 2 * MARGIN };
  });
  w.heading(PACK_HEADINGS.aim, right);
  if (group.aim) {
    w.line(group.aim.statement, right, { font: 'italic' });
    w.line(group.aim.target, right);
    w.bullets(group.aim.progress, { x: right.x + 8, width: right.width - 8 }, 'No data on the aim’s measure yet.');
  } else {
    w.line('This group has no aim set yet.', right, { color: MUTED });
  }
  w.heading(PACK_HEADINGS.waiting, right);
  w.bullets(group.waiting.items, right, group.waiting.none);
  if (group.otherMeasures.length > 0) {
    w.heading('Other measures', right);
    w.bullets(group.otherMeasures, right, '');
  }
  w.stopContinuing();
}

/** Page 2 of a group: tests of change, data gaps and questions, side by side. */
function workPage(doc: Doc, w: PackWriter, group: PackGroup, period: string): void {
  const gutter = 18;
  const width = (PAGE.width - 2 * MARGIN - 2 * gutter) / 3;
  const column = (i: number) => ({ x: MARGIN + i * (width + gutter), width });
  doc.y = MARGIN;
  w.line(group.name, { x: MARGIN, width: PAGE.width - 2 * MARGIN }, { font: 'bold', size: SIZE.groupTitle });
  const top = doc.y + 4;
  doc.y = top;
  w.heading(`${PACK_HEADINGS.tests} ${period}`, column(0));
  for (const list of group.tests) w.list(list, column(0));
  doc.y = top;
  w.heading(PACK_HEADINGS.gaps, column(1));
  w.bullets(group.gaps.items, column(1), group.gaps.none);
  if (group.gaps.note) w.line(group.gaps.note, column(1), { size: SIZE.small, color: MUTED });
  doc.y = top;
  w.heading(PACK_HEADINGS.questions, column(2));
  w.bullets(group.questions.items, column(2), group.questions.none);
}

/**
 * The pack as a PDF: a cover, then two A4 landscape pages per aim group. Fonts are embedded
 * TrueType (or PDF's standard fonts), so its text can be searched, copied and read aloud.
 */
export async function renderPackPdf(pack: MeetingPack, fonts: PackFonts = packFonts()): Promise<Buffer> {
  const pngs = await Promise.all(pack.groups.map((g) => (g.chart ? opaquePng(g.chart.png) : null)));
  const charts = pngs.map((png, i) => (png ? pdfPngImage(png, `Chart${i + 1}`) : null));
  // pdfkit (with its font and compression libraries) is loaded on the first pack, not at start-up,
  // where it cost about a quarter of a second of CPU before /healthz could answer (issue 14).
  const { default: PDFDocument } = await pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `Champions’ meeting pack: ${pack.programmeName}, ${pack.meetingWhen}`,
      Author: 'pacebot',
      Subject: 'Aims, key measures, children waiting, tests of change, data gaps and questions',
    },
  });
  const [regular, bold, italic] = await Promise.all(
    [fonts.regular, fonts.bold, fonts.italic].map((path) => parsedFont(path, !fonts.unicode)),
  );
  // @types/pdfkit lists paths and buffers; pdfkit itself also takes a parsed fontkit font.
  doc.registerFont('regular', regular as string);
  doc.registerFont('bold', bold as string);
  doc.registerFont('italic', italic as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new PackWriter(doc, fonts);
  const footer = `${pack.programmeName} · champions’ meeting ${pack.meetingWhen} · no child is named in this pack`;
  doc.addPage();
  cover(doc, w, pack);
  for (const [i, group] of pack.groups.entries()) {
    doc.addPage();
    doc.outline.addItem(group.name);
    chartPage(doc, w, group, charts[i] ?? null, footer);
    w.footer(footer);
    doc.addPage();
    workPage(doc, w, group, pack.period);
    w.footer(footer);
  }
  doc.end();
  return done;
}
