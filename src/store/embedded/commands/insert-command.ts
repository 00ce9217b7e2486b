import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { isPlainObject, withIdFirst } from '../engine/document-utils.js';
import { checkIdForStorage } from '../engine/id-validation.js';
import { arrayArg, collectionName } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { toWriteError, writeReply } from './write-errors.js';

/** `insert`: the driver sends `documents` as an OP_MSG document sequence, merged into the body. */
export function insertCommand(ctx: CommandContext): Document {
  const collection = ctx.catalog.obtain(ctx.db, collectionName(ctx.body, 'insert'));
  const docs = arrayArg(ctx.body, 'documents');
  const ordered = ctx.body.ordered !== false;
  const writeErrors: Document[] = [];
  let n = 0;
  for (const [index, doc] of docs.entries()) {
    try {
      if (!isPlainObject(doc))
        throw new CommandError('TypeMismatch', 'each inserted document must be an object');
      const stored = withIdFirst(doc);
      if (Array.isArray(stored._id) || stored._id instanceof RegExp) {
        const kind = Array.isArray(stored._id) ? 'an array' : 'a regex';
        throw new CommandError('BadValue', `can't use ${kind} for _id`);
      }
      checkIdForStorage(stored);
      ctx.catalog.insert(collection, stored);
      n++;
    } catch (error) {
      writeErrors.push(toWriteError(index, error));
      if (ordered) break;
    }
  }
  return writeReply({ n }, writeErrors);
}
