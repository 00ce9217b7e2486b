import { type Document, Long } from 'bson';
import { CommandError } from '../command-error.js';
import { arrayArg, numberArg } from './command-args.js';
import type { CommandContext } from './command-context.js';

/** `getMore`: the next batch of an open cursor (batchSize 0 or absent: as much as fits). */
export function getMoreCommand(ctx: CommandContext): Document {
  const id = cursorId(ctx.body.getMore);
  return { cursor: ctx.cursors.getMore(id, numberArg(ctx.body, 'batchSize')), ok: 1 };
}

/** `killCursors`: sent when the application closes a cursor before reading it to the end. */
export function killCursorsCommand(ctx: CommandContext): Document {
  const ids = arrayArg(ctx.body, 'cursors').map(cursorId);
  const { killed, notFound } = ctx.cursors.kill(ids);
  return {
    cursorsKilled: killed.map((id) => Long.fromNumber(id)),
    cursorsNotFound: notFound.map((id) => Long.fromNumber(id)),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
}

function cursorId(value: unknown): number {
  const id = Long.isLong(value) ? value.toNumber() : Number(value);
  if (!Number.isSafeInteger(id))
    throw new CommandError('TypeMismatch', 'cursor id must be a 64-bit integer');
  return id;
}
