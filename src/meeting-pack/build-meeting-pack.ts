import type { DigestModel } from '../digest/digest-model.js';
import { buildDigest, type DigestMeeting } from '../digest/build-digest.js';
import type { Programme } from '../store/schemas/programme.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { packFromDigest } from './pack-from-digest.js';
import { renderPackHtml } from './render-pack-html.js';
import { renderPackPdf } from './render-pack-pdf.js';

export const PDF_TYPE = 'application/pdf';
export const HTML_TYPE = 'text/html';

/** The pack's two renderings and how to hand them over. */
export interface MeetingPackFiles {
  pdf: Buffer;
  html: string;
  /** "meeting-pack-2027-04-01.pdf"; the HTML has the same name ending .html. */
  fileName: string;
  title: string;
  /** What the file holds, in words (Slack's comment, the Teams consent card, the download note). */
  alt: string;
}

/** The pack for a digest already built: what the channel sees, as a PDF and a page. */
export async function meetingPackFiles(
  model: DigestModel,
  programme: Pick<Programme, 'caseRefPattern'>,
): Promise<MeetingPackFiles> {
  const pack = packFromDigest(model, { caseRefPattern: programme.caseRefPattern });
  return { ...(await pdfFiles(pack)), html: renderPackHtml(pack) };
}

/**
 * The pack as a PDF only: what a digest keeps and sends. The page (HTML, with its charts inlined)
 * is made only where someone asks for it (`meeting pack`); a planning run made it for every area
 * and threw it away.
 */
export async function meetingPackPdf(
  model: DigestModel,
  programme: Pick<Programme, 'caseRefPattern'>,
): Promise<Omit<MeetingPackFiles, 'html'>> {
  return pdfFiles(packFromDigest(model, { caseRefPattern: programme.caseRefPattern }));
}

async function pdfFiles(pack: ReturnType<typeof packFromDigest>): Promise<Omit<MeetingPackFiles, 'html'>> {
  const pdf = await renderPackPdf(pack);
  const groups = pack.groups.length;
  return {
    pdf,
    fileName: `meeting-pack-${pack.meetingDate}.pdf`,
    title: `Meeting pack for the champions’ meeting, ${pack.meetingWhen}`,
    alt: packAlt(groups),
  };
}

/** Builds the digest's model for `meeting` as of `now`, then its pack (the `meeting pack` command). */
export async function buildMeetingPack(
  store: WorkspaceStore,
  programme: Programme,
  meeting: DigestMeeting,
  now: Date,
): Promise<MeetingPackFiles> {
  return meetingPackFiles(await buildDigest(store, programme, meeting, now), programme);
}

/** What the pack holds, in words; "for each of the 1 aim group" read oddly in a one-group area (a try-out). */
export function packAlt(groups: number): string {
  const pages = groups === 1 ? 'for its aim group' : `for each of the ${groups} aim groups`;
  return (
    `A cover, then two A4 landscape pages ${pages}: ` +
    'the aim, the key measure’s chart and what it says, children waiting, tests of change, data ' +
    'gaps and questions. No child is named, so it can be projected or printed.'
  );
}
