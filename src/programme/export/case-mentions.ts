import type { Mention } from '../cases/find-mentions.js';
import { cycleId } from '../pdsa/cycle-id.js';

export interface MentionRow {
  collection: string;
  record: string;
  field: string;
  text: string;
}

/**
 * Where a record came from is never exported: the source's text is the message (or what was read
 * from it), which names and dates every child the message named.
 */
const isSourceText = (path: string) => path === 'source.text' || path.endsWith('.source.text');

/**
 * Another child's audit entry names this one only through the message both came from; it is that
 * child's record, so it is left out whole. This child's own trail is exported as its history.
 */
const isCaseAudit = (mention: Mention) =>
  mention.collection === 'audit' && mention.doc.entity === 'case';

function recordName(mention: Mention): string {
  const { collection, doc } = mention;
  if (collection === 'pdsa' && typeof doc.number === 'number') return cycleId(doc.number);
  if (collection === 'audit') {
    return `${String(doc.entity)} ${String(doc.entityId)} (${String(doc.action)})`;
  }
  if (collection === 'prompts' && typeof doc.number === 'number') return `P-${doc.number}`;
  return doc._id ? String(doc._id) : '';
}

/**
 * The other records that name a child, one row per field, with every other child's reference
 * replaced by `redact` (free text often names several children at once).
 */
export function mentionRows(
  mentions: readonly Mention[],
  redact: (text: string) => string,
): MentionRow[] {
  return mentions
    .filter((mention) => !isCaseAudit(mention))
    .flatMap((mention) =>
      mention.hits
        .filter((hit) => !isSourceText(hit.path))
        .map((hit) => ({
          collection: mention.collection,
          record: redact(recordName(mention)),
          // A path can hold a key that is a reference (a digest's entry per child).
          field: redact(hit.path),
          text: redact(hit.text),
        })),
    );
}
