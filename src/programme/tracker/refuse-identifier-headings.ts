import { findIdentifier, IDENTIFIER_NAMES, IdentifierError } from '../../domain/identifiers/index.js';
import type { TrackerColumn } from './tracker-types.js';

/**
 * A tracker's headings, the names of the sheets read and the file's own name are kept in the
 * preview and shown back, so none may hold an identifier's value. A heading that names a column
 * ("DOB", "NHS number", "Child's name") is fine; one that holds a date of birth or a phone number
 * (a data row taken for the headings, a note typed into the heading) refuses the whole file, before
 * anything of it is stored. The message names the kind and where, never the text.
 */
export function refuseIdentifierHeadings(
  fileName: string,
  sheets: readonly { name: string; columns: readonly TrackerColumn[] }[],
  now: Date,
): void {
  const places: [string, string][] = [
    ["The file's name", fileName],
    ...sheets.map((s): [string, string] => ["A sheet's name", s.name]),
    ...sheets.flatMap((s) => s.columns.map((c): [string, string] => ['A column heading', c.header])),
  ];
  for (const [where, text] of places) {
    const found = findIdentifier(text, now);
    if (!found) continue;
    const message =
      `${where} looks like ${IDENTIFIER_NAMES[found.kind]}. Headings and names should say what a ` +
      'column holds (such as “DOB”), never a child’s details: change it and upload the file again. ' +
      'Nothing was kept.';
    throw new IdentifierError(found.kind, { field: 'file', message });
  }
}
