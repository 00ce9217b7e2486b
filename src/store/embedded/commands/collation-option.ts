import type { Document } from 'bson';
import { CommandError } from '../command-error.js';
import { isPlainObject } from '../engine/document-utils.js';

/**
 * The embedded store compares strings by their bytes only. MongoDB's `{ locale: 'simple' }` means
 * exactly that and is accepted; any other collation (case- or accent-insensitive matching, locale
 * sorting, a collated index or collection) is refused rather than quietly ignored.
 */
export function refuseCollation(holder: Document | undefined, where: string): void {
  const collation: unknown = holder?.collation;
  if (collation === undefined || collation === null) return;
  if (isPlainObject(collation) && Object.keys(collation).length === 1) {
    if (collation.locale === 'simple') return;
  }
  throw new CommandError(
    'CommandNotSupported',
    `collation is not supported by the embedded store: ${where} compares strings by their bytes; only { locale: 'simple' } is accepted`,
  );
}
