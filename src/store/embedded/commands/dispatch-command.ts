import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { DuplicateKeyError } from '../engine/duplicate-key-error.js';
import { aggregateCommand } from './aggregate-command.js';
import { createCommand, dropCommand, listCollectionsCommand } from './collection-commands.js';
import type { CommandContext, CommandHandler } from './command-context.js';
import { refuseUnknownFields } from './command-fields.js';
import { countCommand, distinctCommand } from './count-distinct-commands.js';
import { getMoreCommand, killCursorsCommand } from './cursor-commands.js';
import {
  collStatsCommand,
  dbStatsCommand,
  dropDatabaseCommand,
  listDatabasesCommand,
} from './database-commands.js';
import { deleteCommand } from './delete-command.js';
import { findAndModifyCommand } from './find-and-modify-command.js';
import { findCommand } from './find-command.js';
import {
  buildInfoCommand,
  connectionStatusCommand,
  getParameterCommand,
  helloCommand,
  hostInfoCommand,
  pingCommand,
  sessionsCommand,
} from './handshake-commands.js';
import { createIndexesCommand, dropIndexesCommand, listIndexesCommand } from './index-commands.js';
import { insertCommand } from './insert-command.js';
import { refuseInexactNumbers } from './stored-number-types.js';
import { updateCommand } from './update-command.js';

/** Command names are case-sensitive; the lower-case spellings are MongoDB's own aliases. */
const COMMANDS: Record<string, CommandHandler> = {
  hello: helloCommand,
  isMaster: helloCommand,
  ismaster: helloCommand,
  ping: pingCommand,
  buildInfo: buildInfoCommand,
  buildinfo: buildInfoCommand,
  hostInfo: hostInfoCommand,
  getParameter: getParameterCommand,
  connectionStatus: connectionStatusCommand,
  endSessions: sessionsCommand,
  refreshSessions: sessionsCommand,
  killSessions: sessionsCommand,
  killAllSessions: sessionsCommand,
  insert: insertCommand,
  update: updateCommand,
  delete: deleteCommand,
  find: findCommand,
  getMore: getMoreCommand,
  killCursors: killCursorsCommand,
  findAndModify: findAndModifyCommand,
  findandmodify: findAndModifyCommand,
  aggregate: aggregateCommand,
  count: countCommand,
  distinct: distinctCommand,
  createIndexes: createIndexesCommand,
  listIndexes: listIndexesCommand,
  dropIndexes: dropIndexesCommand,
  deleteIndexes: dropIndexesCommand,
  create: createCommand,
  drop: dropCommand,
  listCollections: listCollectionsCommand,
  dropDatabase: dropDatabaseCommand,
  listDatabases: listDatabasesCommand,
  dbStats: dbStatsCommand,
  collStats: collStatsCommand,
};

/** Runs a command and always answers: failures become `{ ok: 0, errmsg, code, codeName }`. */
export function dispatchCommand(ctx: CommandContext): Document {
  const name = Object.keys(ctx.body)[0] ?? '';
  const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!handler) throw new CommandError('CommandNotFound', `no such command: '${name}'`);
    refuseUnknownFields(name, ctx.body);
    refuseInexactNumbers(name, ctx.body, ctx.inexactNumbers);
    if (ctx.body.startTransaction === true || ctx.body.autocommit === false) {
      // What a real standalone mongod answers: transactions need a replica set.
      throw new CommandError(
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    return handler(ctx);
  } catch (error) {
    return errorReply(error);
  }
}

export function errorReply(error: unknown): Document {
  if (error instanceof CommandError) {
    return {
      ok: 0,
      errmsg: error.message,
      code: error.code,
      codeName: error.codeName,
      ...error.extra,
    };
  }
  if (error instanceof DuplicateKeyError) {
    return {
      ok: 0,
      errmsg: error.message,
      code: error.code,
      codeName: 'DuplicateKey',
      keyPattern: error.keyPattern,
      keyValue: error.keyValue,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  // mingo reports bad operators and arguments as plain Errors; our own bugs are TypeErrors and the like.
  const internal =
    error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
  return internal
    ? { ok: 0, errmsg: message, code: 1, codeName: 'InternalError' }
    : { ok: 0, errmsg: message, code: 2, codeName: 'BadValue' };
}
