import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { countDocuments, findDocuments } from '../engine/find-documents.js';
import { valuesAtPath } from '../engine/index-keys.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { valueKey } from '../engine/value-key.js';
import { collectionName, documentArg, numberArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
import { refuseCollation } from './collation-option.js';

/** `count` (estimatedDocumentCount, and the legacy count with a query, skip and limit). */
export function countCommand(ctx: CommandContext): Document {
  const collection = ctx.catalog.get(ctx.db, collectionName(ctx.body, 'count'));
  refuseCollation(ctx.body, 'count');
  checkHint(collection, ctx.body.hint);
  const query = documentArg(ctx.body, 'query') ?? {};
  const skip = numberArg(ctx.body, 'skip') ?? 0;
  const limit = Math.abs(numberArg(ctx.body, 'limit') ?? 0);
  const upTo = limit > 0 ? skip + limit : Number.POSITIVE_INFINITY;
  const matched = countDocuments(collection, query, mingoOptions(), upTo);
  const afterSkip = Math.max(0, matched - skip);
  return { n: limit > 0 ? Math.min(limit, afterSkip) : afterSkip, ok: 1 };
}

/** `distinct`: each value of `key` among matching documents, array elements counted one by one. */
export function distinctCommand(ctx: CommandContext): Document {
  const key: unknown = ctx.body.key;
  if (typeof key !== 'string' || key === '') {
    throw new CommandError('TypeMismatch', "BSON field 'key' must be a non-empty string");
  }
  refuseCollation(ctx.body, 'distinct');
  const docs = findDocuments(
    ctx.catalog.get(ctx.db, collectionName(ctx.body, 'distinct')),
    { filter: documentArg(ctx.body, 'query') },
    mingoOptions(),
  );
  const values = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, key)) {
      if (value !== undefined && !values.has(valueKey(value))) values.set(valueKey(value), value);
    }
  }
  return { values: [...values.values()], ok: 1 };
}
