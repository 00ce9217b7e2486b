import { calculateObjectSize, type Document } from 'bson';
import { Query } from 'mingo/query';
import type { CollectionData } from '../engine/collection-data.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { collectionName, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';

/** `dropDatabase`: every collection of the database, with its indexes. */
export function dropDatabaseCommand(ctx: CommandContext): Document {
  ctx.catalog.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
}

/** `listDatabases` (admin): sizes are the BSON size of the documents, not bytes on disk. */
export function listDatabasesCommand(ctx: CommandContext): Document {
  const filter = documentArg(ctx.body, 'filter');
  const query = filter ? new Query(filter, mingoOptions()) : undefined;
  const databases = ctx.catalog
    .databaseNames()
    .map((name) => ({ name, sizeOnDisk: dataSize(ctx.catalog.collections(name)), empty: false }))
    .filter((entry) => !query || query.test(entry));
  if (ctx.body.nameOnly === true)
    return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  const totalSize = databases.reduce((sum, entry) => sum + entry.sizeOnDisk, 0);
  return { databases, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
}

/** `dbStats`: counts and BSON sizes, enough for tools that print a summary. */
export function dbStatsCommand(ctx: CommandContext): Document {
  const collections = ctx.catalog.collections(ctx.db);
  const objects = collections.reduce((sum, collection) => sum + collection.size, 0);
  const size = dataSize(collections);
  return {
    db: ctx.db,
    collections: collections.length,
    views: 0,
    objects,
    avgObjSize: objects > 0 ? size / objects : 0,
    dataSize: size,
    storageSize: size,
    indexes: collections.reduce((sum, collection) => sum + collection.indexSpecs().length, 0),
    indexSize: 0,
    totalSize: size,
    scaleFactor: 1,
    ok: 1,
  };
}

/** `collStats`: the same figures for one collection. */
export function collStatsCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'collStats');
  const collection = ctx.catalog.get(ctx.db, name);
  const size = collection ? dataSize([collection]) : 0;
  const count = collection?.size ?? 0;
  return {
    ns: `${ctx.db}.${name}`,
    count,
    size,
    avgObjSize: count > 0 ? size / count : 0,
    storageSize: size,
    nindexes: collection?.indexSpecs().length ?? 0,
    totalIndexSize: 0,
    ok: 1,
  };
}

function dataSize(collections: CollectionData[]): number {
  return collections.reduce(
    (sum, collection) =>
      sum + collection.all().reduce((bytes, doc) => bytes + calculateObjectSize(doc), 0),
    0,
  );
}
