import type { Document } from 'bson';
import type { Options } from 'mingo/types';

/**
 * mingo settings shared by queries, updates and pipelines. Scripts stay off: a BSON request cannot
 * carry a JavaScript function anyway, and `$where` strings are not something we evaluate.
 * `resolveCollection` lets `$lookup` and `$graphLookup` read sibling collections of the database.
 */
export function mingoOptions(resolveCollection?: (name: string) => Document[]): Partial<Options> {
  return {
    idKey: '_id',
    useStrictMode: true,
    scriptEnabled: false,
    ...(resolveCollection ? { collectionResolver: resolveCollection } : {}),
  };
}
