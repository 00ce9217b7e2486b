import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../command-error.js';
import { applyUpdate } from '../engine/apply-update.js';
import type { CollectionData } from '../engine/collection-data.js';
import { withIdFirst } from '../engine/document-utils.js';
import { findDocuments } from '../engine/find-documents.js';
import { checkIdForStorage } from '../engine/id-validation.js';
import { evaluateLet } from '../engine/let-variables.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { checkUpdateSpec } from '../engine/update-spec-checks.js';
import { upsertSeed } from '../engine/upsert-seed.js';
import { collectionName, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
import { refuseCollation } from './collation-option.js';

/**
 * `findAndModify` (findOneAndUpdate/Replace/Delete): one document, chosen by query and sort, is
 * updated or removed and returned. A duplicate key fails the whole command with code 11000.
 */
export function findAndModifyCommand(ctx: CommandContext): Document {
  const field = 'findAndModify' in ctx.body ? 'findAndModify' : 'findandmodify';
  const name = collectionName(ctx.body, field);
  const query = documentArg(ctx.body, 'query') ?? {};
  const remove = ctx.body.remove === true;
  const update: unknown = ctx.body.update;
  if (remove && update !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!remove && update === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  if (remove && ctx.body.upsert === true) {
    throw new CommandError('FailedToParse', 'Cannot specify both upsert=true and remove=true');
  }
  refuseCollation(ctx.body, 'findAndModify');
  checkUpdateSpec(update);
  const variables = evaluateLet(documentArg(ctx.body, 'let'));
  const collection = ctx.catalog.get(ctx.db, name);
  checkHint(collection, ctx.body.hint);
  const [match] = findDocuments(
    collection,
    {
      filter: query,
      sort: documentArg(ctx.body, 'sort'),
      limit: 1,
      variables,
    },
    mingoOptions(),
  );
  const fields = documentArg(ctx.body, 'fields');
  const reply = (value: Document | undefined, lastErrorObject: Document): Document => ({
    lastErrorObject,
    value:
      value && fields && Object.keys(fields).length > 0 ? project(value, fields) : (value ?? null),
    ok: 1,
  });
  const arrayFilters = ctx.body.arrayFilters as Document[] | undefined;

  if (remove) {
    if (match) ctx.catalog.remove(collection as CollectionData, match._id);
    return reply(match, { n: match ? 1 : 0 });
  }
  if (match) {
    const outcome = applyUpdate(match, update, { query, arrayFilters, isInsert: false, variables });
    const stored = outcome.changed
      ? ctx.catalog.replace(collection as CollectionData, outcome.doc)
      : match;
    return reply(ctx.body.new === true ? stored : match, { n: 1, updatedExisting: true });
  }
  if (ctx.body.upsert !== true) return reply(undefined, { n: 0, updatedExisting: false });
  const seeded = applyUpdate(upsertSeed(query), update, {
    arrayFilters,
    isInsert: true,
    variables,
  });
  checkIdForStorage(seeded.doc);
  const stored = ctx.catalog.insert(ctx.catalog.obtain(ctx.db, name), withIdFirst(seeded.doc));
  return reply(ctx.body.new === true ? stored : undefined, {
    n: 1,
    updatedExisting: false,
    upserted: stored._id,
  });
}

function project(doc: Document, fields: Document): Document {
  const projected = new Query({}, mingoOptions()).find([doc], fields).all()[0] as Document;
  // mingo moves `_id` to the end of an inclusion projection; MongoDB keeps it first.
  return '_id' in projected ? withIdFirst(projected) : projected;
}
