import type { Document } from 'bson';
import { findDocuments } from '../engine/find-documents.js';
import { evaluateLet } from '../engine/let-variables.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { arrayArg, collectionName, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
import { refuseCollation } from './collation-option.js';
import { refuseUnknownStatementFields } from './statement-fields.js';
import { toWriteError, writeReply } from './write-errors.js';

/** `delete`: each statement is `{ q, limit }` where limit 1 deletes one match and 0 all. */
export function deleteCommand(ctx: CommandContext): Document {
  const collection = ctx.catalog.get(ctx.db, collectionName(ctx.body, 'delete'));
  const statements = arrayArg(ctx.body, 'deletes');
  refuseUnknownStatementFields('delete', statements);
  const variables = evaluateLet(documentArg(ctx.body, 'let'));
  const ordered = ctx.body.ordered !== false;
  const writeErrors: Document[] = [];
  let n = 0;
  for (const [index, statement] of statements.entries()) {
    try {
      refuseCollation(statement, 'delete');
      checkHint(collection, statement.hint);
      const matched = findDocuments(
        collection,
        {
          filter: documentArg(statement, 'q') ?? {},
          limit: statement.limit === 1 ? 1 : 0,
          variables,
        },
        mingoOptions(),
      );
      for (const doc of matched) if (collection) ctx.catalog.remove(collection, doc._id);
      n += matched.length;
    } catch (error) {
      writeErrors.push(toWriteError(index, error));
      if (ordered) break;
    }
  }
  return writeReply({ n }, writeErrors);
}
