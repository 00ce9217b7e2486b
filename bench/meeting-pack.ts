import { loadavg } from 'node:os';
import { MongoClient, type Db } from 'mongodb';
import { buildDigest } from '../src/digest/build-digest.js';
import type { DigestModel } from '../src/digest/digest-model.js';
import { nextDigestSlot } from '../src/digest/due-digest.js';
import { renderDigest } from '../src/digest/render-digest.js';
import { meetingPackFiles } from '../src/meeting-pack/build-meeting-pack.js';
import { packFromDigest } from '../src/meeting-pack/pack-from-digest.js';
import { renderPackHtml } from '../src/meeting-pack/render-pack-html.js';
import { renderPackPdf } from '../src/meeting-pack/render-pack-pdf.js';
import { ensureIndexes } from '../src/store/collections.js';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import type { Programme } from '../src/store/schemas/programme.js';
import { workspaceStore } from '../src/store/workspace-store.js';
import { runIfMain } from './cli.js';
import { AREA_CYCLES, digestDueAt, seedArea } from './digest-areas.js';
import { type BenchCase, measure } from './harness.js';
import { type BenchOptions, type BenchReport, markdownTable, STATS_HEADERS, statsCells } from './report.js';

const AREA = 'P1000';
const CASES = 1000;
/** A fixed day, so every run packs the same data (the demo lays dates out backwards from it). */
const NOW = new Date('2026-11-19T10:00:00Z');

/**
 * The meeting pack for the 1,000-case area, against building that area's digest alone (model,
 * charts, channel and lead messages): what a planning run pays more now that the pack goes with
 * the digest, and what `meeting pack` costs on demand.
 */
export async function benchMeetingPack(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 5;
  const warmUp = options.warmUp ?? 1;
  const server = await startEmbeddedServer();
  const client = new MongoClient(server.uri);
  await client.connect();
  const db = client.db('bench_meeting_pack');
  const loadBefore = loadavg();
  try {
    await ensureIndexes(db);
    await seedArea(db, AREA, CASES, NOW);
    const at = await digestDueAt(db, AREA, NOW);
    const { programme, meeting } = await digestInput(db, at);
    const store = workspaceStore(db, AREA);
    const digestModel = () => buildDigest(store, programme, meeting, at);
    const model = await digestModel();
    const sample = await meetingPackFiles(model, programme);
    const cases: BenchCase[] = [
      { name: 'baseline: the digest alone (model, charts, messages)', run: async () => renderDigest(await digestModel()) },
      { name: 'the pack from a built digest (PDF and HTML)', run: () => packOf(model, programme) },
      { name: 'the pack’s PDF only', run: () => renderPackPdf(packFromDigest(model, programme)) },
      {
        name: 'digest and pack, as a planning run makes them',
        run: async () => {
          const built = await digestModel();
          return Promise.all([renderDigest(built), meetingPackFiles(built, programme)]);
        },
      },
    ];
    const stats = await measure(cases, { rounds, warmUp });
    const rows = stats.map((s) => [s.name, ...statsCells(s, stats[0]!)]);
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-GB')} KB`;
    return {
      title: 'Meeting pack',
      intro:
        `The meeting pack for the Glenmoray demo grown to ${CASES.toLocaleString('en-GB')} cases ` +
        `(five aim groups, ${AREA_CYCLES} tests of change), on the embedded store in memory in this ` +
        'process. Baseline: building the same digest alone, as a planning run does (model, charts, ' +
        'channel and lead messages). The pack reuses the digest\'s charts, so it adds the PDF (pdfkit, ' +
        'DejaVu Sans embedded as subsets) and the HTML page. ' +
        `${rounds} rounds after ${warmUp} warm-up.`,
      table: markdownTable(['case', ...STATS_HEADERS], rows),
      notes: [
        `The pack: ${kb(sample.pdf.length)} of PDF (${1 + 2 * model.groups.length} A4 landscape pages), ` +
          `${kb(Buffer.byteLength(sample.html))} of HTML.`,
        `Load average (1 / 5 / 15 min) ${load(loadBefore)} before this benchmark, ${load(loadavg())} after.`,
      ],
    };
  } finally {
    await client.close();
    await server.close();
  }
}

async function digestInput(db: Db, at: Date): Promise<{ programme: Programme; meeting: { at: Date; localDate: string } }> {
  const programme = (await workspaceStore(db, AREA).programmes.findOne({}))!;
  const slot = nextDigestSlot(programme, at)!;
  return { programme, meeting: { at: slot.meeting.at, localDate: slot.meeting.localDate } };
}

async function packOf(model: DigestModel, programme: Programme) {
  const pack = packFromDigest(model, programme);
  return [await renderPackPdf(pack), renderPackHtml(pack)];
}

await runIfMain(import.meta.url, benchMeetingPack);
