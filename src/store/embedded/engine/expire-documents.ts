import { Query } from 'mingo';
import type { Catalog } from './catalog.js';
import { valuesAtPath } from './index-keys.js';
import { mingoOptions } from './mingo-options.js';

/**
 * MongoDB's TTL monitor: removes documents whose indexed date (the earliest, for an array) is
 * more than `expireAfterSeconds` old. Only single-field indexes expire, and only Date values;
 * a partialFilterExpression limits which documents may go. Removals are recorded in the catalog
 * like any other write, for the caller to commit.
 */
export function expireDocuments(catalog: Catalog, now: number): number {
  let removed = 0;
  for (const db of catalog.databaseNames()) {
    for (const collection of catalog.collections(db)) {
      for (const spec of collection.indexSpecs()) {
        const fields = Object.keys(spec.key);
        if (typeof spec.expireAfterSeconds !== 'number' || fields.length !== 1) continue;
        const cutoff = now - spec.expireAfterSeconds * 1000;
        const filter = spec.partialFilterExpression
          ? new Query(spec.partialFilterExpression, mingoOptions())
          : undefined;
        for (const doc of collection.all()) {
          const times = valuesAtPath(doc, fields[0]!)
            .filter((value): value is Date => value instanceof Date)
            .map((date) => date.getTime());
          if (times.length === 0 || Math.min(...times) > cutoff) continue;
          if (filter && !filter.test(doc)) continue;
          catalog.remove(collection, doc._id);
          removed++;
        }
      }
    }
  }
  return removed;
}
