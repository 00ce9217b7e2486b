import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { DigestModel } from '../../src/digest/digest-model.js';
import { nextDigestSlot } from '../../src/digest/due-digest.js';
import { renderDigest } from '../../src/digest/render-digest.js';
import { workspaceStore } from '../../src/store/workspace-store.js';

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Replaces every PNG in a structure, so the rest can be compared as JSON. Pixels are the chart
 * renderer's business (src/charts changes them on purpose); what a chart shows is in its alt text,
 * which stays in.
 */
function withoutPngs(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return 'png';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(withoutPngs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPngs(v)]));
  }
  return value;
}

/**
 * What a digest says, in a form small enough to keep in the repository: per group, the charts'
 * sentences and latest values, waiting counts, gap counts, tests of change and questions, and a hash
 * of everything else (every gap's detail, every chart's alt text, the rendered channel and lead
 * messages).
 * Any change in what a digest says changes the hashes.
 */
export function digestFingerprint(model: DigestModel) {
  const rendered = renderDigest(model);
  // Question ids are the prompts' ObjectIds, new on every load: their texts are compared instead.
  const stable = { ...model, groups: model.groups.map((g) => ({ ...g, questions: g.questions.map(({ id: _id, ...q }) => q) })) };
  return {
    today: model.today,
    since: model.since?.toISOString() ?? null,
    groups: model.groups.map((g) => ({
      key: g.key,
      aim: g.aim,
      charts: g.charts.map((c) => ({ measureKey: c.measureKey, latest: c.latest ?? null, sentences: c.sentences, alt: sha(c.alt) })),
      noData: g.noData,
      waiting: g.waiting && {
        stages: g.waiting.stages.map((s) => ({ name: s.name, total: s.total, buckets: s.buckets.map((b) => b.count) })),
        alt: g.waiting.chart ? sha(g.waiting.chart.alt) : null,
      },
      changes: g.changes.map((c) => `T-${c.number} ${c.event}`),
      overdue: g.overdue.map((o) => o.number),
      gaps: {
        sequence: g.gaps.sequence.length,
        plannedPassed: g.gaps.plannedPassed.length,
        pastThreshold: g.gaps.pastThreshold.length,
        details: sha(JSON.stringify(g.gaps)),
      },
      questions: g.questions.map((q) => q.text),
    })),
    model: sha(JSON.stringify(withoutPngs(stable))),
    channel: sha(JSON.stringify(withoutPngs(rendered.channel))),
    leads: sha(JSON.stringify(withoutPngs(rendered.leads))),
  };
}

/** The digest the demo programme's next meeting would get, as of `now`. */
export async function demoDigest(db: Db, workspaceId: string, now: Date): Promise<DigestModel> {
  const store = workspaceStore(db, workspaceId);
  const programme = (await store.programmes.findOne({}))!;
  const slot = nextDigestSlot(programme, now)!;
  const at = new Date(Math.max(slot.dueAt.getTime(), now.getTime()));
  return buildDigest(store, programme, { at: slot.meeting.at, localDate: slot.meeting.localDate }, at);
}
