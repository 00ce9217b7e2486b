import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { findDocuments } from '../engine/find-documents.js';
import { evaluateLet } from '../engine/let-variables.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { collectionName, cursorBatchSize, documentArg, numberArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { refuseCollation } from './collation-option.js';

/** `find`: filter, sort, projection, skip, limit; the rest of the result waits in a cursor. */
export function findCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'find');
  if (ctx.body.tailable === true) {
    throw new CommandError(
      'BadValue',
      'tailable cursors need a capped collection, which the embedded server lacks',
    );
  }
  refuseCollation(ctx.body, 'find');
  const limit = numberArg(ctx.body, 'limit') ?? 0;
  const docs = findDocuments(
    ctx.catalog.get(ctx.db, name),
    {
      filter: documentArg(ctx.body, 'filter'),
      sort: documentArg(ctx.body, 'sort'),
      projection: documentArg(ctx.body, 'projection'),
      skip: numberArg(ctx.body, 'skip'),
      limit: Math.abs(limit),
      variables: evaluateLet(documentArg(ctx.body, 'let')),
    },
    mingoOptions(),
  );
  // A negative limit is the legacy spelling of "one batch, then close".
  const singleBatch = ctx.body.singleBatch === true || limit < 0;
  const cursor = ctx.cursors.open(
    `${ctx.db}.${name}`,
    docs,
    cursorBatchSize(ctx.body),
    singleBatch,
  );
  return { cursor, ok: 1 };
}
