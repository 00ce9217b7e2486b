import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../command-error.js';
import { ID_INDEX } from '../engine/index-spec.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { collectionName, cursorBatchSize, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { GENERIC_FIELDS } from './command-fields.js';
import { refuseCollation } from './collation-option.js';

/** Collection kinds the embedded server would have to emulate rather than merely store. */
const UNSUPPORTED_OPTIONS = ['capped', 'viewOn', 'timeseries', 'validator', 'clusteredIndex'];
/** `create`: explicit creation, refused with NamespaceExists (48) when the name is taken. */
export function createCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'create');
  for (const option of UNSUPPORTED_OPTIONS) {
    if (ctx.body[option] !== undefined && ctx.body[option] !== false) {
      throw new CommandError(
        'NotImplemented',
        `'${option}' collections are not supported by the embedded server`,
      );
    }
  }
  refuseCollation(ctx.body, 'a collection');
  if (ctx.catalog.get(ctx.db, name)) {
    throw new CommandError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  }
  const options = Object.fromEntries(
    // What describes the request (session, concerns, comment) is not an option of the collection.
    Object.entries(ctx.body).filter(([key]) => key !== 'create' && !GENERIC_FIELDS.has(key)),
  );
  ctx.catalog.create(ctx.db, name, options);
  return { ok: 1 };
}

/** `drop`: like MongoDB 7, dropping a missing collection succeeds. */
export function dropCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'drop');
  const nIndexesWas = ctx.catalog.get(ctx.db, name)?.indexSpecs().length;
  ctx.catalog.drop(ctx.db, name);
  return nIndexesWas === undefined ? { ok: 1 } : { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 };
}

/** `listCollections`: `filter` applies to the full entry (name, type, options), then `nameOnly`. */
export function listCollectionsCommand(ctx: CommandContext): Document {
  const filter = documentArg(ctx.body, 'filter');
  const query = filter ? new Query(filter, mingoOptions()) : undefined;
  const nameOnly = ctx.body.nameOnly === true;
  const entries = ctx.catalog
    .collections(ctx.db)
    .map((collection) => ({
      name: collection.name,
      type: 'collection',
      options: collection.options,
      info: { readOnly: false },
      idIndex: ID_INDEX,
    }))
    .filter((entry) => !query || query.test(entry))
    .map((entry) => (nameOnly ? { name: entry.name, type: entry.type } : entry));
  const ns = `${ctx.db}.$cmd.listCollections`;
  return { cursor: ctx.cursors.open(ns, entries, cursorBatchSize(ctx.body)), ok: 1 };
}
