import type { Document } from 'bson';
import { CommandError } from '../command-error.js';

/**
 * The fields MongoDB 7.0 (the version this server announces) accepts in one update or delete
 * statement. Its command parser refuses any other field, failing the whole command, and so do we:
 * `sort` on updateOne/replaceOne only arrived in 8.0, so accepting it would pretend to a
 * behaviour the announced version does not have.
 */
const KNOWN_FIELDS: Record<'update' | 'delete', ReadonlySet<string>> = {
  update: new Set([
    'q',
    'u',
    'c',
    'arrayFilters',
    'hint',
    'multi',
    'upsert',
    'upsertSupplied',
    'collation',
    'sampleId',
    '$_allowShardKeyUpdatesWithoutFullShardKeyInQuery',
  ]),
  delete: new Set(['q', 'limit', 'hint', 'collation', 'sampleId']),
};

export function refuseUnknownStatementFields(
  command: 'update' | 'delete',
  statements: Document[],
): void {
  const list = command === 'update' ? 'updates' : 'deletes';
  for (const statement of statements) {
    for (const field of Object.keys(statement)) {
      if (!KNOWN_FIELDS[command].has(field)) {
        throw new CommandError(
          'Location40415',
          `BSON field '${command}.${list}.${field}' is an unknown field.`,
        );
      }
    }
  }
}
