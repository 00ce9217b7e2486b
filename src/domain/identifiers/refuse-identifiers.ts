import { IdentifierError } from './identifier-error.js';
import { findIdentifier } from './find-identifier.js';

/**
 * Throws an IdentifierError for the first field whose text holds an identifier, before anything of
 * it is stored. For code that stores free text outside a chat turn (a prompt-thread reply kept
 * silently, a tracker's headings), where the turn's own check has not run.
 */
export function refuseIdentifiers(fields: Record<string, string | undefined>, now?: Date): void {
  for (const [field, text] of Object.entries(fields)) {
    const found = text ? findIdentifier(text, now) : null;
    if (found) throw new IdentifierError(found.kind, { field });
  }
}
