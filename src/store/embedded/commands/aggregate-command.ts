import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { CommandError } from '../command-error.js';
import type { CollectionData } from '../engine/collection-data.js';
import { isPlainObject } from '../engine/document-utils.js';
import { matchMongoNumberTypes } from '../engine/aggregate-number-types.js';
import { evaluateLet } from '../engine/let-variables.js';
import { mingoOptions } from '../engine/mingo-options.js';
import { selectCandidates } from '../engine/select-candidates.js';
import { arrayArg, collectionName, cursorBatchSize, documentArg } from './command-args.js';
import type { CommandContext } from './command-context.js';
import { checkHint } from './hint-option.js';
import { refuseCollation } from './collation-option.js';

/** Stages that write to a collection: mingo would write to a throwaway copy, so refuse them. */
const WRITING_STAGES = ['$out', '$merge'];

/**
 * `aggregate`: the pipeline runs in mingo over a snapshot of the collection; `$lookup` reads the
 * other collections of the same database. `aggregate: 1` runs a collection-less pipeline.
 */
export function aggregateCommand(ctx: CommandContext): Document {
  const pipeline = arrayArg(ctx.body, 'pipeline');
  if (ctx.body.explain === true) {
    throw new CommandError('NotImplemented', 'explain is not supported by the embedded server');
  }
  for (const stage of pipeline) {
    const operator = Object.keys(stage)[0] ?? '';
    if (WRITING_STAGES.includes(operator)) {
      throw new CommandError(
        'NotImplemented',
        `${operator} is not supported by the embedded server`,
      );
    }
  }
  refuseCollation(ctx.body, 'aggregate');
  const name = ctx.body.aggregate === 1 ? undefined : collectionName(ctx.body, 'aggregate');
  const collection = name ? ctx.catalog.get(ctx.db, name) : undefined;
  checkHint(collection, ctx.body.hint);
  const input = collection ? pipelineInput(collection, pipeline) : [];
  const resolve = (other: string): Document[] => ctx.catalog.get(ctx.db, other)?.all() ?? [];
  const letVariables = evaluateLet(documentArg(ctx.body, 'let'));
  let results: Document[];
  try {
    const options = {
      ...mingoOptions(resolve),
      ...(letVariables ? { variables: letVariables } : {}),
    };
    results = new Aggregator(pipeline, options).run(input);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError('BadValue', error instanceof Error ? error.message : String(error));
  }
  // The documents are read again only when arithmetic over them could meet a double.
  results = matchMongoNumberTypes(pipeline, letVariables, ctx.inexactNumbers, () => (collection ? pipelineInput(collection, pipeline) : []), results);
  const ns = `${ctx.db}.${name ?? '$cmd.aggregate'}`;
  return { cursor: ctx.cursors.open(ns, results, cursorBatchSize(ctx.body)), ok: 1 };
}

/**
 * The documents the pipeline starts from. A leading `$match` (what countDocuments sends) may use
 * the indexes to skip documents it could never match; the stage itself still runs on the rest.
 */
function pipelineInput(collection: CollectionData, pipeline: Document[]): Iterable<Document> {
  const filter: unknown = pipeline[0]?.$match;
  return isPlainObject(filter) ? selectCandidates(collection, filter) : collection.values();
}
