import { compileCaseRefPattern, DEFAULT_CASE_REF_PATTERN } from '../../domain/case-reference.js';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  type MilestoneCatalogue,
  MilestoneCatalogueSchema,
  type MilestoneDefinition,
} from '../../domain/milestone-catalogue.js';
import type { ParseMilestoneOptions } from '../../domain/parse-milestone.js';
import { caseRefExampleOf } from './case-ref-example.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { ModelContext } from '../model-context.js';
import { localToday } from '../local-date.js';

/** Dates further back than this are refused as implausible (the default). */
export const MAX_YEARS_BACK = 18;
/** Planned dates further ahead than this are refused as implausible. */
export const MAX_YEARS_AHEAD = 2;

type ParseSettings = Required<
  Pick<
    ParseMilestoneOptions,
    'today' | 'timeZone' | 'caseRefPattern' | 'caseRefExample' | 'maxYearsBack' | 'maxYearsAhead'
  >
>;

/** Everything that says how this workspace's milestone messages are read and checked. */
export interface MilestoneSettings extends ParseSettings {
  catalogue: MilestoneCatalogue;
  pattern: RegExp;
}

/**
 * The programme's catalogue: the default milestones with the admin's renames, extra synonyms and
 * retirements applied, and the milestones the admin added, each placed right after the milestones
 * it must not precede (or at the end), so lists, tracker columns and "furthest stage" follow it.
 */
export function catalogueOf(programme: Pick<Programme, 'milestones'> | null): MilestoneCatalogue {
  const entries = programme?.milestones ?? [];
  if (entries.length === 0) return DEFAULT_MILESTONE_CATALOGUE;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const ordered = DEFAULT_MILESTONE_CATALOGUE.map((m): MilestoneDefinition => {
    const entry = byKey.get(m.key);
    if (!entry) return m;
    return {
      ...m,
      label: entry.label,
      synonyms: [...new Set([...m.synonyms, ...entry.synonyms])],
      retired: entry.retired,
    };
  });
  const added = entries.filter((e) => !DEFAULT_MILESTONE_CATALOGUE.some((m) => m.key === e.key));
  for (const e of added) {
    // An order naming a milestone no longer known is dropped rather than breaking the catalogue.
    const notBefore = (e.after ?? []).filter((k) => ordered.some((m) => m.key === k));
    const anchor = Math.max(-1, ...notBefore.map((k) => ordered.findIndex((m) => m.key === k)));
    const definition: MilestoneDefinition = {
      key: e.key,
      label: e.label,
      note: '',
      order: 0,
      synonyms: e.synonyms.length > 0 ? e.synonyms : [e.label],
      genericSynonyms: [],
      notBefore,
      retired: e.retired,
    };
    // After its anchor and after milestones added there before it, so they keep the order added.
    let at = anchor < 0 ? ordered.length : anchor + 1;
    while (anchor >= 0 && at < ordered.length && added.some((a) => a.key === ordered[at]!.key)) at += 1;
    ordered.splice(at, 0, definition);
  }
  return MilestoneCatalogueSchema.parse(ordered.map((m, order) => ({ ...m, order })));
}

/** The settings for this turn: the programme's, or the defaults before one is set up. */
export function milestoneSettings(ctx: Pick<ModelContext, 'programme' | 'now'>): MilestoneSettings {
  const caseRefPattern = ctx.programme?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN;
  return {
    today: localToday(ctx),
    timeZone: ctx.programme?.timeZone ?? 'Europe/London',
    catalogue: catalogueOf(ctx.programme),
    caseRefPattern,
    pattern: compileCaseRefPattern(caseRefPattern),
    // The area's own reference in refusals' examples, not C1042 its pattern may refuse.
    caseRefExample: caseRefExampleOf(ctx.programme),
    maxYearsBack: MAX_YEARS_BACK,
    maxYearsAhead: MAX_YEARS_AHEAD,
  };
}

/** A milestone's label as the programme names it, or its key made readable. */
export function labelOf(catalogue: MilestoneCatalogue, key: string): string {
  return catalogue.find((m) => m.key === key)?.label ?? key.replace(/_/g, ' ');
}
