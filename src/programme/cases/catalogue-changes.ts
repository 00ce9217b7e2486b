import type { MilestoneCatalogue, MilestoneDefinition } from '../../domain/milestone-catalogue.js';
import { canonicalPhrase } from '../../domain/milestone-parsing/canonical-words.js';
import { nearestMilestone } from '../../domain/milestone-parsing/nearest-milestone.js';
import { plain } from '../../../cards/plain-text.js';
import { ValidationError } from '../../errors.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { ModelContext } from '../model-context.js';
import { milestoneKeyOf } from './milestone-key.js';
import { catalogueOf } from './milestone-settings.js';
import { writeCatalogue, type MilestoneEntry } from './write-catalogue.js';

const MAX_PHRASE = 60;
const MAX_ALSO = 10;

/** What changed, for the card that confirms it. */
export interface CatalogueChangeResult {
  milestone: MilestoneDefinition;
  /** For a rename: the name it had. */
  was?: string;
  catalogue: MilestoneCatalogue;
}

const same = (a: string, b: string) => canonicalPhrase(a).join(' ') === canonicalPhrase(b).join(' ');

/** The milestone a name means: its label, key or any of its phrases, said the way members say them. */
export function milestoneNamed(catalogue: MilestoneCatalogue, name: string, options: { retired?: boolean } = {}): MilestoneDefinition | null {
  const candidates = catalogue.filter((m) => options.retired || !m.retired);
  return (
    candidates.find((m) => m.key === name.trim().toLowerCase() || same(m.label, name)) ??
    candidates.find((m) => [...m.synonyms, ...m.genericSynonyms].some((p) => same(p, name))) ??
    null
  );
}

/** "Did you mean …" for a name that is nearly a milestone, else how to see the list. */
function unknownMilestone(catalogue: MilestoneCatalogue, name: string, field: string): ValidationError {
  const near = nearestMilestone(name, catalogue);
  const hint = near
    ? `Did you mean “${plain(catalogue.find((m) => m.key === near.key)!.label)}”?`
    : 'Say `milestones` to see their names.';
  return new ValidationError('unknown_milestone', `I don’t know a milestone called “${plain(name)}”. ${hint}`, { field });
}

/** Resolves an active milestone by name, or refuses with a "did you mean". */
export function requireMilestone(catalogue: MilestoneCatalogue, name: string, field = 'milestone'): MilestoneDefinition {
  const found = milestoneNamed(catalogue, name);
  if (found) return found;
  const retired = milestoneNamed(catalogue, name, { retired: true });
  if (retired) {
    throw new ValidationError('retired_milestone', `“${plain(retired.label)}” is retired: its dates are kept, but it takes no new ones.`, { field });
  }
  throw unknownMilestone(catalogue, name, field);
}

function tidy(phrase: string): string {
  return phrase.replace(/\s+/g, ' ').trim();
}

/** Checks new phrases: short enough, with letters, and not already another milestone's words. */
function checkPhrases(catalogue: MilestoneCatalogue, phrases: string[], self: string | null): string[] {
  if (phrases.length > MAX_ALSO) {
    throw new ValidationError('too_many_synonyms', `That’s ${phrases.length} other names — please give at most ${MAX_ALSO} at a time.`);
  }
  for (const phrase of phrases) {
    if (phrase.length > MAX_PHRASE) {
      throw new ValidationError('long_name', `“${plain(phrase.slice(0, 30))}…” is too long for a milestone's name — keep it under ${MAX_PHRASE} letters.`);
    }
    if (canonicalPhrase(phrase).length === 0 || !/[a-z]{2}/i.test(phrase)) {
      throw new ValidationError('invalid_milestone', `“${plain(phrase)}” needs some letters to be a milestone's name.`);
    }
    const taken = milestoneNamed(catalogue, phrase, { retired: true });
    if (taken && taken.key !== self) {
      throw new ValidationError('name_taken', `“${plain(phrase)}” already means ${plain(taken.label)}${taken.retired ? ' (retired)' : ''}. Please choose other words.`);
    }
  }
  return [...new Set(phrases)];
}

function requireProgramme(ctx: ModelContext): Programme {
  if (!ctx.programme) {
    throw new ValidationError('no_programme', 'Set up the programme first (`setup programme "Our area PACE"`), then add milestones to it.');
  }
  return ctx.programme;
}

/** The programme's entry for a milestone: its own, or a fresh one for a default it has not changed. */
function entryFor(programme: Programme, milestone: MilestoneDefinition): MilestoneEntry {
  const held = programme.milestones?.find((e) => e.key === milestone.key);
  return held ? { ...held } : { key: milestone.key, label: milestone.label, synonyms: [], retired: milestone.retired };
}

function withEntry(programme: Programme, entry: MilestoneEntry): MilestoneEntry[] {
  const entries = programme.milestones ?? [];
  return entries.some((e) => e.key === entry.key) ? entries.map((e) => (e.key === entry.key ? entry : e)) : [...entries, entry];
}

function resultFor(ctx: ModelContext, key: string, was?: string): CatalogueChangeResult {
  const catalogue = catalogueOf(ctx.programme);
  return { milestone: catalogue.find((m) => m.key === key)!, catalogue, was };
}

/**
 * `milestone add "sibling assessment" after "first LAC review" also "sib assessment"`: a milestone
 * the catalogue lacks, with the words members use for it and where it sits in the expected order
 * (a date for it is then refused before the milestone it comes after).
 */
export async function addCatalogueMilestone(
  ctx: ModelContext,
  input: { name: string; after?: string[]; also?: string[] },
): Promise<CatalogueChangeResult> {
  const programme = requireProgramme(ctx);
  const catalogue = catalogueOf(programme);
  const name = tidy(input.name);
  const also = (input.also ?? []).map(tidy).filter((p) => p.length > 0);
  checkPhrases(catalogue, [name, ...also], null);
  const after = (input.after ?? []).map((a) => requireMilestone(catalogue, a, 'after').key);
  let key = milestoneKeyOf(name);
  if (key.length < 2) throw new ValidationError('invalid_milestone', 'A milestone needs a name with some letters.');
  // A retired milestone keeps its key (its dates still use it), so a new one takes another.
  for (let n = 2; catalogue.some((m) => m.key === key); n += 1) key = `${milestoneKeyOf(name).slice(0, 36)}_${n}`;
  const entry: MilestoneEntry = { key, label: name, synonyms: [...new Set([name, ...also])], retired: false, ...(after.length ? { after } : {}) };
  await writeCatalogue(ctx, programme, [...(programme.milestones ?? []), entry], {
    action: 'milestone_add',
    before: null,
    after: { key, label: name, synonyms: entry.synonyms, after },
  });
  return resultFor(ctx, key);
}

/** `milestone rename "legal advice" to "legal gateway"`: the old words keep working. */
export async function renameCatalogueMilestone(
  ctx: ModelContext,
  input: { from: string; to: string; also?: string[] },
): Promise<CatalogueChangeResult> {
  const programme = requireProgramme(ctx);
  const catalogue = catalogueOf(programme);
  const milestone = requireMilestone(catalogue, input.from, 'from');
  const to = tidy(input.to);
  const also = (input.also ?? []).map(tidy).filter((p) => p.length > 0);
  checkPhrases(catalogue, [to, ...also], milestone.key);
  const entry = entryFor(programme, milestone);
  const synonyms = [...new Set([...(entry.synonyms ?? []), milestone.label, to, ...also])];
  const renamed = { ...entry, label: to, synonyms };
  await writeCatalogue(ctx, programme, withEntry(programme, renamed), {
    action: 'milestone_rename',
    before: { key: milestone.key, label: milestone.label },
    after: { key: milestone.key, label: to, synonyms: also },
  });
  return resultFor(ctx, milestone.key, milestone.label);
}

/**
 * `milestone retire "CSO review"`: no longer offered or read in new messages; the dates children
 * hold for it stay in their history, exports and charts (which say it is retired).
 */
export async function retireCatalogueMilestone(ctx: ModelContext, name: string): Promise<CatalogueChangeResult> {
  const programme = requireProgramme(ctx);
  const catalogue = catalogueOf(programme);
  const milestone = requireMilestone(catalogue, name, 'milestone');
  if (catalogue.filter((m) => !m.retired).length <= 1) {
    throw new ValidationError('last_milestone', 'That is the last milestone in use, so it can’t be retired.');
  }
  const entry = { ...entryFor(programme, milestone), retired: true };
  await writeCatalogue(ctx, programme, withEntry(programme, entry), {
    action: 'milestone_retire',
    before: { key: milestone.key, label: milestone.label, retired: false },
    after: { key: milestone.key, label: milestone.label, retired: true },
  });
  return resultFor(ctx, milestone.key);
}
