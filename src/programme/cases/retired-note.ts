import { plain } from '../../../cards/plain-text.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';

/**
 * For a chart or list built on milestones: a line saying which of them are retired, so a flat end
 * to a chart is not read as improvement when the dates simply stopped being taken. Null if none.
 */
export function retiredNote(catalogue: MilestoneCatalogue, keys: readonly (string | undefined)[]): string | null {
  const retired = catalogue.filter((m) => m.retired && keys.includes(m.key));
  if (retired.length === 0) return null;
  // Labels are an admin's words (milestone add / rename): shown as typed, never as markup.
  const names = retired.map((m) => plain(labelMidSentence(m.label))).join(' and ');
  return `${names.charAt(0).toUpperCase()}${names.slice(1)} ${retired.length === 1 ? 'is' : 'are'} retired: no new dates are taken for it, so this shows only dates recorded before.`;
}
