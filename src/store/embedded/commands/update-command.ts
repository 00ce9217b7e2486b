import type { Document } from 'bson';
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
import { arrayArg, collectionName, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
import { refuseCollation } from './collation-option.js';
import { refuseUnknownStatementFields } from './statement-fields.js';
import { toWriteError, writeReply } from './write-errors.js';

interface StatementResult {
  n: number;
  nModified: number;
  upsertedId?: unknown;
}

/** `update`: each statement of `updates` is `{ q, u, c, upsert, multi, arrayFilters, hint }`. */
export function updateCommand(ctx: CommandContext): Document {
  const name = collectionName(ctx.body, 'update');
  const statements = arrayArg(ctx.body, 'updates');
  refuseUnknownStatementFields('update', statements);
  const letVariables = evaluateLet(documentArg(ctx.body, 'let'));
  const ordered = ctx.body.ordered !== false;
  const writeErrors: Document[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  for (const [index, statement] of statements.entries()) {
    try {
      const result = runStatement(ctx, name, statement, letVariables);
      n += result.n;
      nModified += result.nModified;
      if (result.upsertedId !== undefined) upserted.push({ index, _id: result.upsertedId });
    } catch (error) {
      writeErrors.push(toWriteError(index, error));
      if (ordered) break;
    }
  }
  return writeReply(
    upserted.length > 0 ? { n, nModified, upserted } : { n, nModified },
    writeErrors,
  );
}

function runStatement(
  ctx: CommandContext,
  name: string,
  statement: Document,
  letVariables: Document | undefined,
): StatementResult {
  refuseCollation(statement, 'update');
  // `c` holds per-statement constants, bound like the command's `let` and shadowing it.
  const constants = evaluateLet(documentArg(statement, 'c'));
  const variables = constants ? { ...letVariables, ...constants } : letVariables;
  const query = documentArg(statement, 'q') ?? {};
  const update: unknown = statement.u;
  const multi = statement.multi === true;
  const arrayFilters = statement.arrayFilters as Document[] | undefined;
  if (multi && !Array.isArray(update) && !isOperators(update)) {
    throw new CommandError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  }
  checkUpdateSpec(update);
  const collection = ctx.catalog.get(ctx.db, name);
  checkHint(collection, statement.hint);
  const matched = findDocuments(
    collection,
    {
      filter: query,
      limit: multi ? 0 : 1,
      variables,
    },
    mingoOptions(),
  );
  if (matched.length === 0) {
    if (statement.upsert !== true) return { n: 0, nModified: 0 };
    const target = collection ?? ctx.catalog.obtain(ctx.db, name);
    const seeded = applyUpdate(upsertSeed(query), update, {
      arrayFilters,
      isInsert: true,
      variables,
    });
    checkIdForStorage(seeded.doc);
    const stored = ctx.catalog.insert(target, withIdFirst(seeded.doc));
    return { n: 1, nModified: 0, upsertedId: stored._id };
  }
  let nModified = 0;
  for (const doc of matched) {
    const outcome = applyUpdate(doc, update, { query, arrayFilters, isInsert: false, variables });
    if (!outcome.changed) continue;
    ctx.catalog.replace(collection as CollectionData, outcome.doc);
    nModified++;
  }
  return { n: matched.length, nModified };
}

function isOperators(update: unknown): boolean {
  return (
    typeof update === 'object' &&
    update !== null &&
    Object.keys(update)[0]?.startsWith('$') === true
  );
}
