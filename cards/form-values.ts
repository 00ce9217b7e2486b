import type { FormValues } from './model.js';

/**
 * A choice input with `allowOther` is rendered as the list plus a free-text input whose id is the
 * choice's id with this suffix, on every platform (Adaptive Cards and Block Kit have no combo box).
 */
export const OTHER_SUFFIX = '__other';

export function otherInputId(inputId: string): string {
  return `${inputId}${OTHER_SUFFIX}`;
}

/**
 * Folds each "__other" value into its choice: a typed value wins over the selection, an empty one
 * is dropped. Needs no form definition, so an adapter can call it on whatever the platform sent back.
 */
export function foldOtherValues(values: FormValues): FormValues {
  // Ids are whatever the platform sent: a Map, so "__proto__" is an id like any other.
  const folded = new Map<string, string>();
  for (const [id, value] of Object.entries(values)) {
    if (!id.endsWith(OTHER_SUFFIX)) folded.set(id, value);
  }
  for (const [id, value] of Object.entries(values)) {
    if (id.endsWith(OTHER_SUFFIX) && value.trim() !== '') {
      folded.set(id.slice(0, -OTHER_SUFFIX.length), value.trim());
    }
  }
  return Object.fromEntries(folded);
}
