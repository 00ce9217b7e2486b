import type { Document } from 'mongodb';
import type { ScopedCollection, WorkspaceOwned } from '../../store/scoped-collection.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** The workspace's collections a DPO asks about, by the name the report shows. */
export const HELD_COLLECTIONS = [
  'members',
  'programmes',
  'groups',
  'cases',
  'pdsa',
  'changeIdeas',
  'measures',
  'dataPoints',
  'pending',
  'prompts',
  'promptResponses',
  'digests',
  'deliveries',
  'imports',
  'notices',
  'webMessages',
  'audit',
] as const;

export interface FieldHeld {
  collection: string;
  field: string;
  documents: number;
}

/** Fields whose keys are data rather than names of fields. */
const DATA_KEYED = /(^|\.)(milestones|before|mapping|payload|values)$/;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** The field paths of a document (objects followed, arrays as `[]`), never their values. */
function paths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) paths(item, `${prefix}[]`, into);
    if (value.length === 0) into.add(`${prefix}[]`);
  } else if (isPlain(value)) {
    for (const [key, child] of Object.entries(value)) {
      // Keys that are data, not schema (a case's milestone keys, an import mapping's headers, a
      // digest's group keys) are folded to `*`: a header could be anything someone typed.
      const name = /^[a-z][A-Za-z0-9]*$/.test(key) && !DATA_KEYED.test(prefix) ? key : '*';
      paths(child, prefix ? `${prefix}.${name}` : name, into);
    }
  } else if (prefix) {
    into.add(prefix);
  }
  return into;
}

/** Every field path held in each collection of the workspace, and in how many documents: no values. */
export async function fieldsHeld(store: WorkspaceStore): Promise<FieldHeld[]> {
  const found: FieldHeld[] = [];
  for (const collection of HELD_COLLECTIONS) {
    const scoped = store[collection] as unknown as ScopedCollection<WorkspaceOwned & Document>;
    const counts = new Map<string, number>();
    for await (const doc of scoped.find({})) {
      for (const path of paths(doc)) counts.set(path, (counts.get(path) ?? 0) + 1);
    }
    const name = scoped.raw.collectionName;
    for (const [field, documents] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      found.push({ collection: name, field, documents });
    }
  }
  return found;
}
