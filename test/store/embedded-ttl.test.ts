import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/store/embedded/engine/catalog.js';
import { expireDocuments } from '../../src/store/embedded/engine/expire-documents.js';

// Embedded-only: the TTL monitor runs once a minute inside the server, so it is exercised here
// directly on a catalog with a fixed clock rather than by waiting for the timer.

const NOW = Date.parse('2025-06-01T12:00:00Z');
const minutesAgo = (minutes: number): Date => new Date(NOW - minutes * 60_000);

function catalogWith(spec: Record<string, unknown>): Catalog {
  const catalog = new Catalog();
  const events = catalog.obtain('app', 'events');
  catalog.addIndex(events, { v: 2, key: { at: 1 }, name: 'at_1', ...spec });
  const docs = [
    { _id: 'old', at: minutesAgo(10) },
    { _id: 'fresh', at: minutesAgo(1) },
    { _id: 'old-in-array', at: [minutesAgo(1), minutesAgo(30)] },
    { _id: 'not-a-date', at: 'yesterday' },
    { _id: 'no-field' },
    { _id: 'old-kept', at: minutesAgo(20), keep: true },
  ];
  for (const doc of docs) catalog.insert(events, doc);
  catalog.takePending();
  return catalog;
}

const remaining = (catalog: Catalog): unknown[] =>
  catalog
    .get('app', 'events')!
    .all()
    .map((doc) => doc._id);

describe('TTL indexes', () => {
  it('remove documents whose date is older than expireAfterSeconds, and journal the removals', () => {
    const catalog = catalogWith({ expireAfterSeconds: 300 });
    expect(expireDocuments(catalog, NOW)).toBe(3);
    expect(remaining(catalog)).toEqual(['fresh', 'not-a-date', 'no-field']);
    expect(catalog.takePending().map((op) => op.op)).toEqual(['del', 'del', 'del']);
  });

  it('respect a partialFilterExpression', () => {
    const catalog = catalogWith({
      expireAfterSeconds: 300,
      partialFilterExpression: { keep: { $exists: false } },
    });
    expireDocuments(catalog, NOW);
    expect(remaining(catalog)).toEqual(['fresh', 'not-a-date', 'no-field', 'old-kept']);
  });

  it('leave collections without a TTL index alone', () => {
    const catalog = catalogWith({});
    expect(expireDocuments(catalog, NOW)).toBe(0);
    expect(remaining(catalog)).toHaveLength(6);
  });
});
