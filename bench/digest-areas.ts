import type { Db } from 'mongodb';
import { generateCases } from '../src/demo/generate-cases.js';
import { effectStart } from '../src/demo/demo-cycles.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { createRandom } from '../src/demo/random.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { nextDigestSlot } from '../src/digest/due-digest.js';
import { workspaceStore } from '../src/store/workspace-store.js';

/** Tests of change in each bench area, as in the measurement (the demo has 21). */
export const AREA_CYCLES = 60;

/**
 * One local area for the digest benchmarks: the Glenmoray demo (five aim groups, its measures,
 * tests of change and coach questions) loaded through `loadDemo`, then grown to `cases` children
 * with more demo journeys (the same generator under other seeds) and to 60 tests of change.
 */
export async function seedArea(db: Db, workspaceId: string, cases: number, now: Date): Promise<void> {
  await loadDemo(db, workspaceId, { now });
  const store = workspaceStore(db, workspaceId);
  const demo = generateDemo({ now });
  const effects = {
    firstReview: effectStart('accommodated-to-first-lac-review', demo.today)!,
    recommendation: effectStart('accommodated-to-permanence-recommendation', demo.today)!,
    lodging: effectStart('adm-decision-to-application-lodged', demo.today)!,
  };
  const extra = [];
  for (let batch = 1; demo.cases.length + extra.length < cases; batch++) {
    extra.push(...generateCases(createRandom(`${workspaceId}:${batch}`), demo.today, effects, now));
  }
  const more = extra.slice(0, cases - demo.cases.length).map((c, i) => ({ ...c, caseRef: `C${5001 + i}` }));
  if (more.length > 0) await store.cases.insertMany(more);
  const copies = Array.from({ length: AREA_CYCLES - demo.cycles.length }, (_, i) => {
    const source = demo.cycles[i % demo.cycles.length]!;
    return { ...source, number: demo.cycles.length + i + 1, title: `${source.title} (again)`.slice(0, 200) };
  });
  if (copies.length > 0) await store.pdsa.insertMany(copies);
}

/** When the demo programme's next digest is due: a planning run at this moment builds it. */
export async function digestDueAt(db: Db, workspaceId: string, now: Date): Promise<Date> {
  const programme = await workspaceStore(db, workspaceId).programmes.findOne({});
  const slot = programme && nextDigestSlot(programme, now);
  if (!slot) throw new Error(`the demo programme of ${workspaceId} has no digest slot`);
  return new Date(Math.max(slot.dueAt.getTime(), now.getTime()));
}
