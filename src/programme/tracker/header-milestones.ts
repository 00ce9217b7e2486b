import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { findMilestones } from '../../domain/milestone-parsing/find-milestones.js';
import { headerWords } from './header-words.js';

/**
 * Abbreviations seen in column headings but too terse to trust in a sentence ("Accom", "LAC 1",
 * "Perm rec"). They are added to the sentence vocabulary for headers only, for milestones the
 * catalogue still has; the canonical words already cover "72hr", "mtg", "LAAC", "1st" and "rec".
 */
const HEADER_SYNONYMS: Record<string, string[]> = {
  accommodated: ['accom', 'accomm', 'accomodation', 'became lac', 'became looked after'],
  planning_meeting_72h: ['72 hour planning'],
  first_lac_review: ['lac 1', 'lac review 1', 'first lac', 'review 1'],
  legal_advice: ['legal'],
  permanence_recommendation: ['perm rec', 'recommendation'],
  permanence_panel: ['perm panel', 'panel date'],
  application_lodged: ['po lodged', 'application', 'court lodged'],
  order_granted: ['order date'],
  adm_decision: ['adm date'],
  cso_at_home: ['cso start', 'cso made'],
};

/**
 * Headers of computed or free-text columns that name a milestone without holding its date:
 * "Days accommodation to panel", "Panel status", "ADM comments".
 */
const NOT_A_DATE_COLUMN = new RegExp(
  String.raw`\b(days?|weeks|months|duration|timescales?|rag|status|notes?|comments?|reasons?|` +
    String.raw`outcome|count|total|no of|number of|within|target met)\b`,
);

/** "LAC review 2", "Panel 3": a later meeting of that kind, not the milestone. */
const LATER_OCCURRENCE = /\b([2-9]|1[0-9]|20)$/;

// Catalogues are parsed once and not mutated, so their header vocabularies can be kept.
const headerCatalogues = new WeakMap<MilestoneCatalogue, MilestoneCatalogue>();

function headerCatalogue(catalogue: MilestoneCatalogue): MilestoneCatalogue {
  const cached = headerCatalogues.get(catalogue);
  if (cached) return cached;
  const extended = catalogue.map((m) => {
    // A programme's own milestone may be keyed "constructor": own keys only.
    const extra = Object.hasOwn(HEADER_SYNONYMS, m.key) ? HEADER_SYNONYMS[m.key] : undefined;
    return extra ? { ...m, synonyms: [...m.synonyms, ...extra] } : m;
  });
  headerCatalogues.set(catalogue, extended);
  return extended;
}

/**
 * The milestone a column heading names, read with the sentence vocabulary: the longest phrase
 * wins, a specific phrase beats a generic one ("Perm rec (LAC review)"), and "Date of …" counts.
 * A heading naming two milestones ("Accommodated to panel") or a later meeting names none.
 */
export function milestoneOfHeader(header: string, catalogue: MilestoneCatalogue): string | null {
  const words = headerWords(header);
  if (NOT_A_DATE_COLUMN.test(words) || LATER_OCCURRENCE.test(words)) return null;
  const mentions = findMilestones(header, headerCatalogue(catalogue)).filter(
    (m) => m.strength !== 'other',
  );
  const specific = mentions.filter((m) => m.strength !== 'generic');
  const keys = new Set((specific.length > 0 ? specific : mentions).map((m) => m.key));
  return keys.size === 1 ? [...keys][0]! : null;
}
