export { findIdentifier } from './find-identifier.js';
export { IdentifierError, identifierMessage } from './identifier-error.js';
export { IDENTIFIER_NAMES, type FoundIdentifier, type IdentifierKind } from './identifier-kind.js';
export { refuseIdentifiers } from './refuse-identifiers.js';
