import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import type { InexactNumber } from '../wire/inexact-numbers.js';

const TYPE_WORDS: Record<InexactNumber['type'], string> = {
  long: 'a 64-bit integer (BSON long)',
  double: 'a double holding a whole number',
  decimal: 'a decimal (BSON decimal128)',
};

const KEPT_AS: Record<InexactNumber['type'], string> = {
  long: 'it would be stored as a 32-bit integer or a double',
  double: 'it would be stored as a 32-bit integer',
  decimal: 'its comparisons with other numbers would differ from MongoDB',
};

/**
 * Refuses a command that would store a number whose BSON type the embedded store cannot keep
 * (wire/inexact-numbers.ts), rather than store it as another type: MongoDB would keep it, and
 * `$type` queries, modified counts and a reader that does not promote values would all see the
 * difference. In a filter such a number is harmless (numbers compare by value) unless an upsert
 * copies the filter into the new document. Decimals are refused anywhere: mingo compares them
 * with nothing but identical decimals. Checked before anything runs, so nothing is half done.
 */
export function refuseInexactNumbers(
  name: string,
  body: Document,
  numbers: readonly InexactNumber[],
): void {
  for (const number of numbers) {
    if (number.type === 'decimal' || isStored(name, body, number.path)) {
      throw new CommandError(
        'NotImplemented',
        `the embedded store cannot keep ${TYPE_WORDS[number.type]} at '${number.path.join('.')}': ${KEPT_AS[number.type]}. Send it as an ordinary number, or set MONGODB_URI to use a real MongoDB server`,
      );
    }
  }
}

/** Whether the value at `path` of this command ends up in a stored document. */
function isStored(name: string, body: Document, path: string[]): boolean {
  const [field, index, part] = path;
  switch (name) {
    case 'insert':
      return field === 'documents';
    case 'update': {
      if (field === 'let') return true;
      if (field !== 'updates') return false;
      const statement = (body.updates as Document[] | undefined)?.[Number(index)];
      return part === 'u' || part === 'c' || (part === 'q' && statement?.upsert === true);
    }
    case 'findAndModify':
    case 'findandmodify':
      return field === 'update' || field === 'let' || (field === 'query' && body.upsert === true);
    default:
      return false;
  }
}
