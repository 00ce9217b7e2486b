import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { findDocuments } from '../engine/find-documents.js';
import { evaluateLet } from '../engine/let-variables.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { collectionName, cursorBatchSize, documentArg, numberArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
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
  refuseUnsupportedFindOptions(ctx.body);
  const collection = ctx.catalog.get(ctx.db, name);
  checkHint(collection, ctx.body.hint);
  const limit = numberArg(ctx.body, 'limit') ?? 0;
  const docs = findDocuments(
    collection,
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
    ctx.body.noCursorTimeout === true,
  );
  return { cursor, ok: 1 };
}

/**
 * find options that change what comes back and that the embedded server does not implement: each
 * is refused by name when set, rather than answered as if it had not been asked.
 */
function refuseUnsupportedFindOptions(body: Document): void {
  if (body.awaitData === true) {
    throw new CommandError('FailedToParse', "Cannot set 'awaitData' without also setting 'tailable'");
  }
  for (const option of ['min', 'max', 'returnKey', 'showRecordId', '$_requestResumeToken', '$_resumeAfter']) {
    const value: unknown = body[option];
    if (value !== undefined && value !== null && value !== false) {
      throw new CommandError('NotImplemented', `find option '${option}' is not supported by the embedded server`);
    }
  }
}
