import { describe, expect, it } from 'vitest';
import { MENTION_COLLECTIONS, NOT_MENTIONING } from '../../src/programme/cases/find-mentions.js';
import { COLLECTIONS } from '../../src/store/collections.js';

describe("where erasure looks for a child's reference", () => {
  it('covers every collection, or says why a collection cannot hold one', () => {
    const scanned = new Set<string>(MENTION_COLLECTIONS);
    const exempt = new Set(Object.keys(NOT_MENTIONING));
    for (const name of Object.keys(COLLECTIONS)) {
      expect(scanned.has(name) || exempt.has(name), `${name} is neither scanned nor exempt`).toBe(true);
      expect(scanned.has(name) && exempt.has(name), `${name} is both scanned and exempt`).toBe(false);
    }
    expect(Object.values(NOT_MENTIONING).every((why) => why.length > 10)).toBe(true);
  });
});
