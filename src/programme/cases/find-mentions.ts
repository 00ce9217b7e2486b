import type { Document } from 'mongodb';
import type { ScopedCollection, WorkspaceOwned } from '../../store/scoped-collection.js';
import type { CollectionKey } from '../../store/collections.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** Where a case reference may be written down besides the case: logs, notes, messages sent. */
export const MENTION_COLLECTIONS = [
  'audit',
  'pdsa',
  'pending',
  'prompts',
  'promptResponses',
  'digests',
  'deliveries',
  // A tracker import's preview keeps each row's reference and dates until it is answered.
  'imports',
  // Drift alerts and "did it happen?" questions name the child they are about.
  'notices',
  // The local chat's copy of a lead's digest names children.
  'webMessages',
  // A per-child chart's settings name children: a point left out, a baseline's or phase's child.
  'measures',
  // Names, aims and ideas are refused with a reference in them (refuse-child-for-channel.ts), but
  // ones written before that was checked may hold one.
  'groups',
  'changeIdeas',
] as const;
export type MentionCollection = (typeof MENTION_COLLECTIONS)[number];

/**
 * The collections erasure and a case's export do not scan, each with why no child's reference can
 * be written in it. Typed over every collection, so a new collection must be put in one list or the
 * other before the project compiles (and test/unit/find-mentions-cover.test.ts checks it at run time).
 */
export const NOT_MENTIONING: Record<Exclude<CollectionKey, MentionCollection>, string> = {
  workspaces: 'the workspace: its platform and who arrived first',
  members: 'staff: names, roles and how to reach them; a name typed for a person takes letters only',
  programmes: "the programme's name (refused with a reference in it), cadence and settings; its example reference is made up",
  cases: 'the case itself, which erasure deletes',
  dataPoints: 'numbers by period for custom measures, with no text',
  counters: 'the next numbers (T-12) of a workspace',
  conversationRefs: 'where to reach a person or channel on the platform',
  processedEvents: 'event ids seen, for retries; deleted after a week',
  slackInstallations: "the Slack app's installation and token",
  migrations: 'which data migrations have run',
};

export interface Mention {
  collection: MentionCollection;
  doc: WorkspaceOwned & Document;
  /** Each string field that names the reference, by its path in the document. */
  hits: { path: string; text: string }[];
}

/** The reference as a whole token, in any case: C1042 but not C10420. */
export function mentionPattern(caseRef: string): RegExp {
  const escaped = caseRef.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'gi');
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Every string in plain objects and arrays, with its path; dates, ids and binaries are skipped. */
export function stringsIn(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (isPlain(value)) {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** A copy with the reference replaced in every string, plain objects and arrays rebuilt. */
export function redacted(value: unknown, pattern: RegExp, by = '[erased]'): unknown {
  if (typeof value === 'string') return value.replace(pattern, by);
  if (Array.isArray(value)) return value.map((v) => redacted(v, pattern, by));
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(v, pattern, by)]));
  }
  return value;
}

/**
 * Every document of this workspace, in the collections above, that names the reference. A scan,
 * not a query: the reference can sit in any text field, and export and erasure are rare admin acts.
 */
export async function findMentions(store: WorkspaceStore, caseRef: string): Promise<Mention[]> {
  const pattern = mentionPattern(caseRef);
  const found: Mention[] = [];
  for (const collection of MENTION_COLLECTIONS) {
    const scoped = store[collection] as unknown as ScopedCollection<WorkspaceOwned & Document>;
    for await (const doc of scoped.find({})) {
      const hits = stringsIn(doc).filter((s) => {
        pattern.lastIndex = 0;
        return pattern.test(s.text);
      });
      if (hits.length > 0) found.push({ collection, doc, hits });
    }
  }
  return found;
}
