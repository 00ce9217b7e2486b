import { CommandError } from '../command-error.js';
import { elementText } from './bson-text.js';
import { isPlainObject } from './document-utils.js';
import { isNumeric } from './update-type-checks.js';

/**
 * What mongod refuses while parsing an operator update, before it looks at any document: so an
 * update matching nothing fails all the same. Two operators may not touch one path, or a path and
 * a path inside it (ConflictingUpdateOperators, 40), and `$inc`/`$mul` need numeric arguments
 * (TypeMismatch, 14). Replacements and pipelines have no operators to check.
 */
export function checkUpdateSpec(update: unknown): void {
  if (!isPlainObject(update) || !Object.keys(update)[0]?.startsWith('$')) return;
  const seen: string[][] = [];
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      if ((operator === '$inc' || operator === '$mul') && !isNumeric(argument)) {
        const verb = operator === '$inc' ? 'increment' : 'multiply';
        throw new CommandError(
          'TypeMismatch',
          `Cannot ${verb} with non-numeric argument: ${elementText(path, argument)}`,
        );
      }
      const parts = path.split('.');
      for (const other of seen) {
        const shorter = Math.min(parts.length, other.length);
        if (parts.slice(0, shorter).every((part, i) => part === other[i])) {
          throw new CommandError(
            'ConflictingUpdateOperators',
            `Updating the path '${path}' would create a conflict at '${parts.slice(0, shorter).join('.')}'`,
          );
        }
      }
      seen.push(parts);
    }
  }
}
