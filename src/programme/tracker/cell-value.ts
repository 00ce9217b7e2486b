/**
 * A cell as it comes from exceljs (or a CSV field, always a string), unwrapped to what a reader of
 * the sheet would see. Only headers, references and milestone cells are ever unwrapped: identifier
 * cells are left as they came.
 */
export type PlainValue = string | number | boolean | Date | { error: string } | null;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Rich text, formula results, hyperlinks and shared formulas reduced to their shown value. */
export function plainValue(raw: unknown): PlainValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw;
  if (!isObject(raw)) return null;
  if (Array.isArray(raw.richText)) {
    return raw.richText.map((run) => (isObject(run) ? String(run.text ?? '') : '')).join('');
  }
  // A formula (or a copy of a shared one) shows its cached result; none means never calculated.
  if ('formula' in raw || 'sharedFormula' in raw) return plainValue(raw.result);
  // A hyperlink shows its text, which may itself be rich text.
  if ('hyperlink' in raw) return plainValue(raw.text);
  if (typeof raw.error === 'string') return { error: raw.error };
  if ('text' in raw) return plainValue(raw.text);
  return null;
}

/** A cell as text (trimmed, white space collapsed); dates and errors are not text, so ''. */
export function cellText(raw: unknown): string {
  const value = plainValue(raw);
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  return '';
}

/** Whether a cell shows nothing (a formula with an empty result counts as blank). */
export function isBlank(value: PlainValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
