import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { compareBson } from './bson-order.js';

type Comparison = (order: number) => boolean | number;

/**
 * The aggregation comparison expressions (`$cmp`, `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte`, as
 * used in `$expr`, `$project`, `$cond`...). Unlike query operators they compare values of any
 * two types by the BSON type order, arrays element by element, and a missing field below null.
 * mingo's versions treat mismatched types as incomparable and match array elements.
 */
function comparisonExpression(name: string, result: Comparison) {
  return (obj: unknown, expr: unknown, options: Options): boolean | number => {
    if (!Array.isArray(expr) || expr.length !== 2) {
      const count = Array.isArray(expr) ? expr.length : 1;
      throw new Error(`Expression ${name} takes exactly 2 arguments. ${count} were passed in.`);
    }
    const [left, right] = evalExpr(obj, expr, options) as [unknown, unknown];
    return result(compareBson(left, right));
  };
}

export const comparisonExpressions = {
  $cmp: comparisonExpression('$cmp', (order) => Math.sign(order)),
  $eq: comparisonExpression('$eq', (order) => order === 0),
  $ne: comparisonExpression('$ne', (order) => order !== 0),
  $gt: comparisonExpression('$gt', (order) => order > 0),
  $gte: comparisonExpression('$gte', (order) => order >= 0),
  $lt: comparisonExpression('$lt', (order) => order < 0),
  $lte: comparisonExpression('$lte', (order) => order <= 0),
};
