import type { Document } from 'bson';
import { isPlainObject } from './document-utils.js';

/**
 * Puts the fields an operator update created where MongoDB puts them. Since 5.0 mongod applies an
 * update's paths in order of their field names (numeric names in numeric order), whatever order
 * the update lists them in, so fields it creates in one object are appended in that order: on {}
 * `{ $set: { b: 1 }, $inc: { a: 1 } }` stores { a, b }. Fields already there keep their place.
 * mingo appends in the order the update lists them; this reorders each object an update path
 * passes through: the fields it had before in their old order, then the new ones sorted. An object
 * that is the value of a path ({ $set: { x: { b: 1, a: 1 } } }) is stored as given.
 */
export function orderNewFields(before: Document, after: Document, targets: string[]): void {
  const prefixes = new Set<string>();
  for (const target of targets) {
    const parts = target.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  reorder(before, after, '', prefixes);
}

function reorder(before: unknown, after: unknown, path: string, prefixes: Set<string>): void {
  const child = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(after)) {
    after.forEach((item, i) => {
      if (prefixes.has(child(String(i)))) {
        reorder(Array.isArray(before) ? before[i] : undefined, item, child(String(i)), prefixes);
      }
    });
    return;
  }
  if (!isPlainObject(after)) return;
  const old = isPlainObject(before) ? before : {};
  const kept = Object.keys(old).filter((key) => Object.hasOwn(after, key));
  const added = Object.keys(after)
    .filter((key) => !Object.hasOwn(old, key))
    .sort(compareFieldNames);
  const order = [...kept, ...added];
  const current = Object.keys(after);
  if (order.some((key, i) => key !== current[i])) {
    const values = order.map((key) => after[key] as unknown);
    for (const key of current) delete after[key];
    order.forEach((key, i) => (after[key] = values[i]));
  }
  for (const key of order) {
    if (prefixes.has(child(key))) reorder(old[key], after[key], child(key), prefixes);
  }
}

/**
 * mongod's order of an update's field names (pathsupport::cmpPathsAndArrayIndexes): names that
 * start with a digit (and are not zero-padded) by length first, so "9" before "10"; the rest, and
 * names of one length, by their bytes.
 */
function compareFieldNames(a: string, b: string): number {
  const numberLike = (name: string) => /^[0-9]/.test(name) && !(name[0] === '0' && name.length > 1);
  if (numberLike(a) && numberLike(b) && a.length !== b.length) return a.length - b.length;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
