import { ValidationError } from '../../errors.js';
import { IDENTIFIER_NAMES, type IdentifierKind } from './identifier-kind.js';

/**
 * The refusal people see: names the kind of identifier, never the value, and says nothing was kept.
 * `example` is a reference the caller has checked the area does not hold (freeCaseRefExample).
 * Without one there is no example: a fixed one (C1042) can be a real child's, and then the refusal
 * names a child, and in a channel it is withheld (the demo holds C1042).
 */
export function identifierMessage(kind: IdentifierKind, what = 'That', example?: string): string {
  const use = example ? `the case reference (e.g. ${example})` : "the child's case reference";
  return (
    `${what} looks like ${IDENTIFIER_NAMES[kind]}. I don't keep details that identify a child or ` +
    `their family: use ${use} instead. Nothing was saved.`
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
