import { ValidationError } from '../../errors.js';
import { DEFAULT_CASE_REF_EXAMPLE } from '../case-reference.js';
import { IDENTIFIER_NAMES, type IdentifierKind } from './identifier-kind.js';

/**
 * The refusal people see: names the kind of identifier, never the value, and says nothing was kept.
 * `example` is the area's own reference where the caller knows the programme (C1042 fits only the
 * default pattern).
 */
export function identifierMessage(kind: IdentifierKind, what = 'That', example = DEFAULT_CASE_REF_EXAMPLE): string {
  return (
    `${what} looks like ${IDENTIFIER_NAMES[kind]}. I don't keep details that identify a child or ` +
    `their family: use the case reference (e.g. ${example}) instead. Nothing was saved.`
  );
}

/** Thrown where free text would be stored and holds an identifier; `field` places it on a form. */
export class IdentifierError extends ValidationError {
  readonly kind: IdentifierKind;
  constructor(kind: IdentifierKind, options: { field?: string; message?: string } = {}) {
    super('identifier_refused', options.message ?? identifierMessage(kind), { field: options.field });
    this.kind = kind;
  }
}
