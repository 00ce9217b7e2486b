import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import { CommandError } from '../command-error.js';
import { mingoOptions } from './mingo-options.js';

/**
 * A command's `let` as MongoDB binds it: each value is an expression, evaluated once before the
 * command runs and with no document in scope (so `{ $add: [1, 2] }` binds 3, and a field path
 * binds nothing). mingo would bind the expression object itself.
 */
export function evaluateLet(letSpec: Document | undefined): Document | undefined {
  if (!letSpec) return undefined;
  const options = mingoOptions();
  const bound: Document = {};
  for (const [name, expr] of Object.entries(letSpec)) {
    try {
      bound[name] = evalExpr({}, expr, options as Parameters<typeof evalExpr>[2]);
    } catch (error) {
      throw new CommandError('BadValue', error instanceof Error ? error.message : String(error));
    }
  }
  return bound;
}
