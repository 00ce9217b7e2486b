import type { Document } from 'bson';
import type { Options } from 'mingo/types';
import { EMBEDDED_CONTEXT } from './mingo-context.js';

/**
 * mingo settings shared by queries, updates and pipelines. Scripts stay off: a BSON request cannot
 * carry a JavaScript function anyway, and `$where` strings are not something we evaluate.
 * The context holds the operators where ours replace mingo's (mingo-context.ts).
 * `resolveCollection` lets `$lookup` and `$graphLookup` read sibling collections of the database.
 */
export function mingoOptions(resolveCollection?: (name: string) => Document[]): Partial<Options> {
  return {
    idKey: '_id',
    useStrictMode: true,
    scriptEnabled: false,
    context: EMBEDDED_CONTEXT,
    ...(resolveCollection ? { collectionResolver: resolveCollection } : {}),
  };
}
