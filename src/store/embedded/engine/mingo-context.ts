import type { Document } from 'bson';
import { Context } from 'mingo/core';
import { type Iterator, Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { comparisonExpressions } from './comparison-expressions.js';
import { equalityQueryOperators } from './query-equality.js';
import { withIdFirst } from './document-utils.js';
import { sortDocuments } from './sort-documents.js';
import { unwindStage } from './unwind-stage.js';

type Operators = Record<`$${string}`, unknown>;

/** The `$`-named exports of an operator module (a CommonJS namespace also carries `default`). */
function operatorsOf(...modules: object[]): Operators {
  const operators: Operators = {};
  for (const module of modules) {
    for (const [name, operator] of Object.entries(module)) {
      if (name.startsWith('$')) operators[name as `$${string}`] = operator;
    }
  }
  return operators;
}

function idFirst(doc: Document): Document {
  return '_id' in doc ? withIdFirst(doc) : doc;
}

/**
 * Every mingo operator, with ours in place of the ones whose results differ from MongoDB's.
 * mingo's root entry merges a caller's context *under* its own operators (the first registration
 * of a name wins), so the engine uses mingo's base Query/Aggregator/updater with this context.
 */
export const EMBEDDED_CONTEXT = Context.init({
  accumulator: operatorsOf(accumulatorOperators),
  expression: operatorsOf(expressionOperators, comparisonExpressions),
  pipeline: operatorsOf(pipelineOperators, {
    $sort: (collection: Iterator, spec: Document) =>
      collection.transform((docs: Document[]) => Lazy(sortDocuments(docs, spec))),
    $unwind: unwindStage,
    // mingo moves `_id` to the end of an inclusion projection; MongoDB keeps it first.
    $project: (collection: Iterator, spec: Document, options: Options) =>
      pipelineOperators.$project(collection, spec, options).map(idFirst),
  }),
  projection: operatorsOf(projectionOperators),
  query: operatorsOf(queryOperators, equalityQueryOperators),
  window: operatorsOf(windowOperators),
} as unknown as Parameters<typeof Context.init>[0]);
