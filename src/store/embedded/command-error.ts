import type { Document } from 'bson';

/** MongoDB's numeric error codes for the failures this server reports, by codeName. */
export const ERROR_CODES = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  NotImplemented: 238,
  BSONObjectTooLarge: 10334,
  Location15975: 15975,
  Location40324: 40324,
  Location40415: 40415,
} as const;

export type CodeName = keyof typeof ERROR_CODES;

/** A command failure the client should see as `{ ok: 0, code, codeName, errmsg }`. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: CodeName;
  readonly extra: Document;

  constructor(codeName: CodeName, message: string, extra: Document = {}) {
    super(message);
    this.name = 'CommandError';
    this.codeName = codeName;
    this.code = ERROR_CODES[codeName];
    this.extra = extra;
  }
}
