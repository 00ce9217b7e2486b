import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { DuplicateKeyError } from '../engine/duplicate-key-error.js';

/**
 * One entry of a write command's `writeErrors`. Anything other than a known failure is a bug and
 * is rethrown so that the whole command fails visibly.
 */
export function toWriteError(index: number, error: unknown): Document {
  if (error instanceof DuplicateKeyError) {
    return {
      index,
      code: error.code,
      errmsg: error.message,
      keyPattern: error.keyPattern,
      keyValue: error.keyValue,
    };
  }
  if (error instanceof CommandError) {
    return { index, code: error.code, codeName: error.codeName, errmsg: error.message };
  }
  throw error;
}

/** The common tail of insert/update/delete replies. */
export function writeReply(fields: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...fields, writeErrors, ok: 1 } : { ...fields, ok: 1 };
}
