import type { Document } from 'bson';
import { type Iterator, Lazy } from 'mingo/lazy';
import { isPlainObject } from './document-utils.js';

interface UnwindSpec {
  path: string[];
  includeArrayIndex?: string;
  preserveNullAndEmptyArrays: boolean;
}

/**
 * `$unwind` as MongoDB runs it (mingo's omits `includeArrayIndex` where MongoDB writes null):
 * one output per array element with the element's index; a scalar passes through as itself with
 * a null index; null, missing and empty arrays are dropped unless preserved, and then keep null,
 * stay missing, or lose the field respectively, each with a null index.
 */
export function unwindStage(collection: Iterator, expr: unknown): Iterator {
  const spec = parseSpec(expr);
  return collection.transform((docs: Document[]) =>
    Lazy(docs.flatMap((doc) => unwindDocument(doc, spec))),
  );
}

function unwindDocument(doc: Document, spec: UnwindSpec): Document[] {
  const value = valueAt(doc, spec.path);
  const indexPath = spec.includeArrayIndex?.split('.');
  const indexed = (out: Document, index: number | null): Document =>
    indexPath === undefined ? out : withValueAt(out, indexPath, index);
  if (Array.isArray(value) && value.length > 0) {
    return value.map((item, index) => indexed(withValueAt(doc, spec.path, item), index));
  }
  const empty = value === undefined || value === null || Array.isArray(value);
  if (!empty) return [indexed(doc, null)];
  if (!spec.preserveNullAndEmptyArrays) return [];
  return [indexed(Array.isArray(value) ? withValueAt(doc, spec.path, REMOVE) : doc, null)];
}

function parseSpec(expr: unknown): UnwindSpec {
  const spec: Document = typeof expr === 'string' ? { path: expr } : (expr as Document);
  if (!isPlainObject(spec) || typeof spec.path !== 'string') {
    throw new Error('expected either a string or an object as specification for $unwind stage');
  }
  if (!spec.path.startsWith('$')) {
    throw new Error(`path option to $unwind stage should be prefixed with a '$': ${spec.path}`);
  }
  const index: unknown = spec.includeArrayIndex;
  if (index !== undefined && (typeof index !== 'string' || index === '' || index.startsWith('$'))) {
    throw new Error(
      "includeArrayIndex option to $unwind stage should be a non-empty string not prefixed with '$'",
    );
  }
  return {
    path: spec.path.slice(1).split('.'),
    ...(index === undefined ? {} : { includeArrayIndex: index }),
    preserveNullAndEmptyArrays: spec.preserveNullAndEmptyArrays === true,
  };
}

/** The value at a dotted path, through sub-documents only, as `$unwind` reads it. */
function valueAt(doc: Document, path: string[]): unknown {
  let value: unknown = doc;
  for (const part of path) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

const REMOVE = Symbol('remove');

/** A copy of `doc` with the dotted path set (or removed), copying only the objects on the way. */
function withValueAt(doc: Document, path: string[], value: unknown): Document {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Document = { ...doc };
  if (rest.length === 0) {
    if (value === REMOVE) delete copy[head];
    else copy[head] = value;
  } else {
    const child: unknown = doc[head];
    if (value === REMOVE && !isPlainObject(child)) return copy;
    copy[head] = withValueAt(isPlainObject(child) ? child : {}, rest, value);
  }
  return copy;
}
