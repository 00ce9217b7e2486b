import { LATER_REVIEW_ORDINALS, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import type { Case } from '../../store/schemas/case.js';
import { labelOf } from '../cases/milestone-settings.js';

export interface MilestoneColumn {
  key: string;
  /** Exactly as the programme's catalogue names it, so an import of the sheet maps it back. */
  label: string;
}

/** The fifth to tenth LAC reviews: few children reach them, so their columns appear only when used. */
const LATER_REVIEWS = new Set<string>(LATER_REVIEW_ORDINALS.map((ordinal) => `${ordinal}_lac_review`));

const holdsDate = (dates: Case['milestones'][string] | undefined) =>
  Boolean(dates?.actual ?? dates?.planned);

/**
 * The milestones an export shows, in the programme's order: every milestone in use, then a retired
 * one or a fifth-to-tenth LAC review only where a case holds a date for it (six empty review columns
 * would widen every tracker for the few children looked after that long), then (last, by key) any milestone a case holds
 * that the catalogue no longer names, so no stored date is left out of an export.
 */
export function milestoneColumns(
  catalogue: MilestoneCatalogue,
  cases: readonly Pick<Case, 'milestones'>[],
): MilestoneColumn[] {
  const held = new Set(
    cases.flatMap((c) => Object.keys(c.milestones).filter((key) => holdsDate(c.milestones[key]))),
  );
  const known = [...catalogue]
    .sort((a, b) => a.order - b.order)
    .filter((m) => (!m.retired && !LATER_REVIEWS.has(m.key)) || held.has(m.key))
    .map((m) => ({ key: m.key, label: m.label }));
  const unknown = [...held]
    .filter((key) => !catalogue.some((m) => m.key === key))
    .sort()
    .map((key) => ({ key, label: labelOf(catalogue, key) }));
  return [...known, ...unknown];
}
