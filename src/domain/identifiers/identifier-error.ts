import { ValidationError } from '../../errors.js';
import { IDENTIFIER_NAMES, type IdentifierKind } from './identifier-kind.js';

/** The refusal people see: names the kind of identifier, never the value, and says nothing was kept. */
export function identifierMessage(kind: IdentifierKind, what = 'That'): string {
  return (
    `${what} looks like ${IDENTIFIER_NAMES[kind]}. I don't keep details that identify a child or ` +
    'their family: use the case reference (e.g. C1042) instead. Nothing was saved.'
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
