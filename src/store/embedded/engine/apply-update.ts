import type { Document } from 'bson';
// mingoOptions() carries the full operator context, so the base updater needs no root import.
import { update as applyModifier, type PipelineStage, updateOne } from 'mingo/updater';
import { CommandError } from '../command-error.js';
import { cloneDocument, isPlainObject, withIdFirst } from './document-utils.js';
import { mingoOptions } from './mingo-options.js';
import { orderNewFields } from './new-field-order.js';
import { addToSetAsSet } from './add-to-set.js';
import { refuseInexactArithmetic } from './arithmetic-result-types.js';
import { refuseInexactPipelineNumbers } from './pipeline-number-types.js';
import { checkUpdateTypes, concretePaths } from './update-type-checks.js';
import { sameValue } from './same-value.js';
import { valueKey } from './value-key.js';

const MODIFIERS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$rename',
  '$currentDate',
  '$bit',
  '$setOnInsert',
]);

export interface UpdateContext {
  /** The filter that selected the document; mingo needs it to resolve the positional `$`. */
  query?: Document;
  arrayFilters?: Document[];
  /** True when building an upserted document: `$setOnInsert` applies and `_id` may be set. */
  isInsert: boolean;
  /** Evaluated `let` variables, for `$$name` in a pipeline-style update. */
  variables?: Document;
}

export interface UpdateOutcome {
  doc: Document;
  changed: boolean;
}

/**
 * Applies an update (operators, a replacement document or a pipeline) to a copy of `current`.
 * The stored document is never touched; the caller journals the returned copy.
 */
export function applyUpdate(
  current: Document,
  update: unknown,
  context: UpdateContext,
): UpdateOutcome {
  const draft = cloneDocument(current);
  let doc: Document;
  if (Array.isArray(update)) {
    doc = applyPipeline(draft, update as PipelineStage[], context.variables);
    refuseInexactPipelineNumbers(current, doc, update, context.variables);
  }
  else if (isOperatorUpdate(update)) doc = applyOperators(current, draft, update, context);
  else doc = replacement(current, update as Document);
  if (!context.isInsert && valueKey(doc._id) !== valueKey(current._id)) {
    throw new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  const result = '_id' in doc || !('_id' in current) ? doc : { _id: current._id, ...doc };
  const ordered = withIdFirst(result);
  return { doc: ordered, changed: !sameValue(ordered, current) };
}

function isOperatorUpdate(update: unknown): update is Document {
  if (typeof update !== 'object' || update === null) {
    throw new CommandError('FailedToParse', 'Update argument must be either an object or an array');
  }
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    throw new CommandError('FailedToParse', 'Update document mixes operators and fields');
  }
  return operators.length > 0;
}

function applyOperators(
  before: Document,
  draft: Document,
  update: Document,
  context: UpdateContext,
): Document {
  const { $setOnInsert, ...modifier } = update;
  for (const operator of Object.keys(update)) {
    if (!MODIFIERS.has(operator)) {
      throw new CommandError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
  }
  if (context.isInsert) {
    const $set: Document = {
      ...(modifier.$set as Document | undefined),
      ...($setOnInsert as Document | undefined),
    };
    // An upsert may choose its _id through $set/$setOnInsert; mingo guards _id, so place it here.
    if ('_id' in $set) {
      draft._id = $set._id;
      delete $set._id;
    }
    modifier.$set = $set;
  }
  const nonEmpty = Object.fromEntries(
    Object.entries(modifier).filter(([, fields]) => Object.keys(fields as Document).length > 0),
  );
  if (Object.keys(nonEmpty).length === 0) return draft;
  const positional = context.isInsert ? {} : context;
  checkUpdateTypes(draft, nonEmpty, positional);
  refuseInexactArithmetic(draft, nonEmpty, positional);
  addToSetThroughSet(draft, nonEmpty, positional);
  const setTargets = setTargetsOf(draft, nonEmpty.$set as Document | undefined, positional);
  const targets = targetPaths(draft, nonEmpty, positional);
  // mingo re-tests the condition on the document, which only the positional `$` needs.
  const condition = !context.isInsert && usesPositional(nonEmpty) ? context.query : undefined;
  try {
    applyModifier(draft, nonEmpty, context.arrayFilters, condition, {
      queryOptions: mingoOptions(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandError(
      message.includes("immutable field '_id'") ? 'ImmutableField' : 'BadValue',
      message,
    );
  }
  for (const [path, value] of setTargets) setExactly(draft, path, value);
  orderNewFields(before, draft, targets);
  return draft;
}

/** Every element path the update names (and `$rename`'s new names), as it reaches them here. */
function targetPaths(
  draft: Document,
  modifier: Document,
  positional: UpdateContext | Record<string, never>,
): string[] {
  return Object.entries(modifier).flatMap(([operator, fields]) =>
    Object.entries(fields as Document).flatMap(([path, argument]) => [
      ...concretePaths(draft, path, positional),
      ...(operator === '$rename' && typeof argument === 'string' ? [argument] : []),
    ]),
  );
}

/** Replaces `$addToSet` in the modifier by the `$set`s that do it as MongoDB does (add-to-set.ts). */
function addToSetThroughSet(
  draft: Document,
  modifier: Document,
  positional: UpdateContext | Record<string, never>,
): void {
  if (!modifier.$addToSet) return;
  const $set = addToSetAsSet(draft, modifier.$addToSet as Document, positional);
  if (!$set) return;
  delete modifier.$addToSet;
  // Two operators on one path were refused already, so these paths are the $set's own.
  if (Object.keys($set).length > 0) modifier.$set = { ...(modifier.$set as Document), ...$set };
}

/** Each element path a `$set` writes to, with the value it must hold afterwards. */
function setTargetsOf(
  draft: Document,
  $set: Document | undefined,
  positional: UpdateContext | Record<string, never>,
): [string[], unknown][] {
  if (!$set) return [];
  return Object.entries($set).flatMap(([path, value]) =>
    concretePaths(draft, path, positional).map((concrete): [string[], unknown] => [
      concrete.split('.'),
      value,
    ]),
  );
}

/**
 * mingo's `$set` leaves a field alone when the new value is "equal" by its own test, which ignores
 * field order ({ y, x } equals { x, y }). MongoDB writes unless the bytes are the same, so the new
 * field order (and anything else the bytes show) is stored and the document counts as modified.
 * The path already exists here (mingo created any missing part); nothing else wrote to it, since
 * two operators on one path are refused before this.
 */
function setExactly(draft: Document, path: string[], value: unknown): void {
  let container: unknown = draft;
  for (const part of path.slice(0, -1)) {
    if (Array.isArray(container)) container = container[Number(part)];
    else if (isPlainObject(container)) container = container[part];
    else return;
  }
  const last = path[path.length - 1]!;
  const holder = container as Document;
  if (!(isPlainObject(container) || Array.isArray(container)) || !(last in holder)) return;
  if (!sameValue(holder[last], value)) holder[last] = cloneDocument(value);
}

function usesPositional(modifier: Document): boolean {
  return Object.values(modifier).some((fields) =>
    Object.keys(fields as Document).some(
      (path) => path === '$' || path.includes('.$.') || path.endsWith('.$'),
    ),
  );
}

function applyPipeline(
  draft: Document,
  pipeline: PipelineStage[],
  variables: Document | undefined,
): Document {
  const docs = [draft];
  try {
    updateOne(docs, {}, pipeline, variables ? { let: variables } : {}, mingoOptions());
  } catch (error) {
    throw new CommandError('BadValue', error instanceof Error ? error.message : String(error));
  }
  return docs[0]!;
}

function replacement(current: Document, update: Document): Document {
  if ('_id' in update && '_id' in current && valueKey(update._id) !== valueKey(current._id)) {
    throw new CommandError(
      'ImmutableField',
      "After applying the update, the (immutable) field '_id' was found to have been altered",
    );
  }
  const { _id: _ignored, ...fields } = update;
  return '_id' in current ? { _id: current._id, ...fields } : { ...update };
}
