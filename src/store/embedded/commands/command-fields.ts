import type { Document } from 'bson';
import { CommandError } from '../command-error.js';

/**
 * Fields MongoDB 7.0 accepts on every command (its generic arguments): what the driver adds for
 * sessions, transactions, read and write concerns, read preference, the API version, gossiped
 * cluster time, and the server's own internal ones.
 */
export const GENERIC_FIELDS: ReadonlySet<string> = new Set([
  '$db',
  'lsid',
  'txnNumber',
  'txnRetryCounter',
  'autocommit',
  'startTransaction',
  'stmtId',
  'readConcern',
  'writeConcern',
  '$readPreference',
  '$clusterTime',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'comment',
  'maxTimeMS',
  'maxTimeMSOpOnly',
  'clientOperationKey',
  '$audit',
  '$client',
  '$configServerState',
  '$configTime',
  '$topologyTime',
  '$oplogQueryData',
  '$queryOptions',
  '$replData',
  'allowImplicitCollectionCreation',
  'databaseVersion',
  'shardVersion',
  'tracking_info',
  'coordinator',
  'mayBypassWriteBlocking',
  'help',
]);

/** Fields every write command takes (MongoDB's WriteCommandRequestBase). */
const WRITE_FIELDS = ['ordered', 'bypassDocumentValidation', 'stmtIds', 'let'];

/**
 * The fields of each command MongoDB 7.0 parses strictly, after the command's own name. The
 * handlers read what they support and refuse the rest of these clearly; anything not listed here
 * is refused the way MongoDB refuses a field it does not know, so a misspelt option fails
 * instead of being ignored. Handshake and diagnostic commands parse loosely in MongoDB too.
 */
const COMMAND_FIELDS: Record<string, readonly string[]> = {
  find: [
    'filter', 'projection', 'sort', 'hint', 'skip', 'limit', 'batchSize', 'singleBatch', 'max',
    'min', 'returnKey', 'showRecordId', 'tailable', 'oplogReplay', 'noCursorTimeout', 'awaitData',
    'allowPartialResults', 'collation', 'allowDiskUse', 'let', 'readOnce',
    'allowSpeculativeMajorityRead', '$_requestResumeToken', '$_resumeAfter', 'term',
  ],
  aggregate: [
    'pipeline', 'explain', 'allowDiskUse', 'cursor', 'bypassDocumentValidation', 'collation',
    'hint', 'let',
  ],
  count: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'],
  // `hint` on distinct arrived in MongoDB 7.1.
  distinct: ['key', 'query', 'collation'],
  insert: ['documents', ...WRITE_FIELDS],
  update: ['updates', ...WRITE_FIELDS],
  delete: ['deletes', ...WRITE_FIELDS],
  findAndModify: [
    'query', 'fields', 'sort', 'hint', 'collation', 'arrayFilters', 'remove', 'update', 'new',
    'upsert', 'bypassDocumentValidation', 'let',
  ],
  getMore: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'],
  killCursors: ['cursors'],
  createIndexes: ['indexes', 'commitQuorum', 'ignoreUnknownIndexOptions'],
  listIndexes: ['cursor', 'includeBuildUUIDs', 'includeIndexBuildInfo'],
  dropIndexes: ['index'],
  listCollections: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'],
  drop: [],
  dropDatabase: [],
};

const KNOWN = Object.fromEntries(
  Object.entries(COMMAND_FIELDS).map(([command, fields]) => [command, new Set(fields)]),
);

/** Old spellings of a command name, checked under the name MongoDB reports in its errors. */
const ALIASES: Record<string, string> = { findandmodify: 'findAndModify', deleteIndexes: 'dropIndexes' };

/**
 * Refuses the first field of a command body that MongoDB 7.0 would not know, with its code
 * (40415) and wording: "BSON field 'find.filtr' is an unknown field."
 */
export function refuseUnknownFields(name: string, body: Document): void {
  const command = ALIASES[name] ?? name;
  const known = KNOWN[command];
  if (!known) return;
  for (const field of Object.keys(body).slice(1)) {
    if (!known.has(field) && !GENERIC_FIELDS.has(field)) {
      throw new CommandError('Location40415', `BSON field '${command}.${field}' is an unknown field.`);
    }
  }
}
