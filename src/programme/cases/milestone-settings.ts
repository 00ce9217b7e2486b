import { compileCaseRefPattern, DEFAULT_CASE_REF_PATTERN } from '../../domain/case-reference.js';
import {
  DEFAULT_MILESTONE_CATALOGUE,
  type MilestoneCatalogue,
  MilestoneCatalogueSchema,
  type MilestoneDefinition,
} from '../../domain/milestone-catalogue.js';
import type { ParseMilestoneOptions } from '../../domain/parse-milestone.js';
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
    'today' | 'timeZone' | 'caseRefPattern' | 'maxYearsBack' | 'maxYearsAhead'
  >
>;

/** Everything that says how this workspace's milestone messages are read and checked. */
export interface MilestoneSettings extends ParseSettings {
  catalogue: MilestoneCatalogue;
  pattern: RegExp;
}

/**
 * The programme's catalogue: the default milestones with the admin's renames, extra synonyms and
 * retirements applied, and the milestones the admin added (which carry no expected order).
 */
export function catalogueOf(programme: Pick<Programme, 'milestones'> | null): MilestoneCatalogue {
  const entries = programme?.milestones ?? [];
  if (entries.length === 0) return DEFAULT_MILESTONE_CATALOGUE;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const known = DEFAULT_MILESTONE_CATALOGUE.map((m): MilestoneDefinition => {
    const entry = byKey.get(m.key);
    if (!entry) return m;
    return {
      ...m,
      label: entry.label,
      synonyms: [...new Set([...m.synonyms, ...entry.synonyms])],
      retired: entry.retired,
    };
  });
  const added = entries
    .filter((e) => !DEFAULT_MILESTONE_CATALOGUE.some((m) => m.key === e.key))
    .map((e, i) => ({
      key: e.key,
      label: e.label,
      order: known.length + i,
      synonyms: e.synonyms.length > 0 ? e.synonyms : [e.label],
      retired: e.retired,
    }));
  return MilestoneCatalogueSchema.parse([...known, ...added]);
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
    maxYearsBack: MAX_YEARS_BACK,
    maxYearsAhead: MAX_YEARS_AHEAD,
  };
}

/** A milestone's label as the programme names it, or its key made readable. */
export function labelOf(catalogue: MilestoneCatalogue, key: string): string {
  return catalogue.find((m) => m.key === key)?.label ?? key.replace(/_/g, ' ');
}
