import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import type { CollectionData } from '../engine/collection-data.js';
import { cloneDocument, isPlainObject } from '../engine/document-utils.js';
import {
  ID_INDEX,
  type IndexSpec,
  normalizeIndexSpec,
  sameIndexBehaviour,
  sameKeyPattern,
} from '../engine/index-spec.js';
import { arrayArg, collectionName, cursorBatchSize } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { refuseCollation } from './collation-option.js';

/**
 * `createIndexes`: re-creating an identical index is a no-op (so start-up code can run it every
 * time); a unique index is refused with code 11000 when existing documents already collide.
 */
export function createIndexesCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'createIndexes');
  const existed = ctx.catalog.get(ctx.db, name) !== undefined;
  const collection = ctx.catalog.obtain(ctx.db, name);
  const numIndexesBefore = collection.indexSpecs().length;
  const requested = arrayArg(ctx.body, 'indexes');
  for (const raw of requested) refuseCollation(raw, 'an index');
  for (const raw of requested) {
    const spec = normalizeIndexSpec(raw);
    if (typeof spec === 'string') throw new CommandError('BadValue', spec);
    if (!alreadyPresent(collection, spec)) ctx.catalog.addIndex(collection, spec);
  }
  const numIndexesAfter = collection.indexSpecs().length;
  return {
    numIndexesBefore,
    numIndexesAfter,
    createdCollectionAutomatically: !existed,
    ...(numIndexesAfter === numIndexesBefore ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
}

function alreadyPresent(collection: CollectionData, spec: IndexSpec): boolean {
  const sameName = collection.index(spec.name);
  if (sameName) {
    if (sameIndexBehaviour(sameName, spec)) return true;
    throw new CommandError(
      'IndexKeySpecsConflict',
      `An existing index has the same name as the requested index. Requested index: ${describe(spec)}, existing index: ${describe(sameName)}`,
    );
  }
  const sameKey = collection.indexSpecs().find((index) => sameKeyPattern(index.key, spec.key));
  if (sameKey) {
    throw new CommandError(
      'IndexOptionsConflict',
      `Index already exists with a different name: ${sameKey.name}`,
    );
  }
  return false;
}

function describe(spec: IndexSpec): string {
  return JSON.stringify(spec);
}

/** `listIndexes`: every index including `_id_`, in creation order. */
export function listIndexesCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'listIndexes');
  const collection = requireCollection(ctx, name);
  const specs = collection.indexSpecs().map((spec) => cloneDocument(spec) as Document);
  return { cursor: ctx.cursors.open(`${ctx.db}.${name}`, specs, cursorBatchSize(ctx.body)), ok: 1 };
}

/** `dropIndexes`: by name, by list of names, by key pattern, or `'*'` for all but `_id_`. */
export function dropIndexesCommand(ctx: CommandContext): Document {
  const field = 'dropIndexes' in ctx.body ? 'dropIndexes' : 'deleteIndexes';
  const collection = requireCollection(ctx, collectionName(ctx.body, field));
  const nIndexesWas = collection.indexSpecs().length;
  const target: unknown = ctx.body.index;
  const names =
    target === '*'
      ? collection
          .indexSpecs()
          .slice(1)
          .map((spec) => spec.name)
      : (Array.isArray(target) ? target : [target]).map((one) => indexName(collection, one));
  for (const name of names) {
    if (name === ID_INDEX.name) throw new CommandError('InvalidOptions', 'cannot drop _id index');
  }
  for (const name of names) ctx.catalog.dropIndex(collection, name);
  return { nIndexesWas, ok: 1 };
}

function indexName(collection: CollectionData, target: unknown): string {
  if (typeof target === 'string') {
    if (!collection.index(target)) {
      throw new CommandError('IndexNotFound', `index not found with name [${target}]`);
    }
    return target;
  }
  if (isPlainObject(target)) {
    const spec = collection.indexSpecs().find((index) => sameKeyPattern(index.key, target));
    if (!spec)
      throw new CommandError(
        'IndexNotFound',
        `can't find index with key: ${JSON.stringify(target)}`,
      );
    return spec.name;
  }
  throw new CommandError(
    'TypeMismatch',
    "BSON field 'index' must be a string, an array or an object",
  );
}

function requireCollection(ctx: CommandContext, name: string): CollectionData {
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  return collection;
}
