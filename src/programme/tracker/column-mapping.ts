import { activeMilestones, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { displayHeader } from './header-words.js';
import { unknownMappedMilestone } from './tracker-errors.js';
import type { ColumnMapping } from './tracker-types.js';

/** An admin's mapping, checked and keyed by header in lower case: 'ignore' or a milestone key. */
export type CheckedMapping = ReadonlyMap<string, string>;

export function mappingKey(header: string): string {
  return displayHeader(header).toLowerCase();
}

/**
 * Checks every target is a milestone the programme records now (or 'ignore'), so a typo is
 * refused up front rather than silently dropping a column. Headers match whatever their case
 * and spacing, as an admin may type them from the preview.
 */
export function checkMapping(
  mapping: ColumnMapping | undefined,
  catalogue: MilestoneCatalogue,
): CheckedMapping {
  const keys = activeMilestones(catalogue).map((m) => m.key);
  const checked = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping ?? {})) {
    const key = target.trim();
    if (key !== 'ignore' && !keys.includes(key)) {
      throw unknownMappedMilestone(displayHeader(header), key, keys);
    }
    checked.set(mappingKey(header), key);
  }
  return checked;
}
