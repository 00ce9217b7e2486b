import { z } from 'zod';
import { DEFAULT_MILESTONE_SYNONYMS } from './milestone-synonyms.js';

export const MilestoneKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,47}$/, 'a milestone key is lower case letters, digits and _');
export type MilestoneKey = z.infer<typeof MilestoneKeySchema>;

/** One milestone of a child's journey, as an admin configures it for a programme. */
export const MilestoneDefinitionSchema = z.object({
  key: MilestoneKeySchema,
  label: z.string().trim().min(1).max(80),
  note: z.string().max(300).default(''),
  /** Position in the journey, for lists and the tracker's columns. */
  order: z.number().int().nonnegative(),
  /** Phrases that name this milestone in a member's message. */
  synonyms: z.array(z.string().trim().min(2)).min(1),
  /** Phrases that count only when no more specific milestone is named in the same message. */
  genericSynonyms: z.array(z.string().trim().min(2)).default([]),
  /** Milestones this one must not precede (its date may equal theirs, not be earlier). */
  notBefore: z.array(MilestoneKeySchema).default([]),
  /** A retired milestone keeps its history but is no longer recognised in new messages. */
  retired: z.boolean().default(false),
});
export type MilestoneDefinition = z.infer<typeof MilestoneDefinitionSchema>;

/** Finds a milestone that must come after itself through `notBefore`, or returns null. */
function findOrderCycle(milestones: MilestoneDefinition[]): string | null {
  const byKey = new Map(milestones.map((m) => [m.key, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string): string | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return key;
    state.set(key, 'visiting');
    for (const next of byKey.get(key)?.notBefore ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    state.set(key, 'done');
    return null;
  };
  for (const m of milestones) {
    const cycle = visit(m.key);
    if (cycle) return cycle;
  }
  return null;
}

export const MilestoneCatalogueSchema = z
  .array(MilestoneDefinitionSchema)
  .min(1)
  .superRefine((milestones, ctx) => {
    const keys = new Set<string>();
    for (const [i, m] of milestones.entries()) {
      if (keys.has(m.key)) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `${m.key} is listed twice` });
      }
      keys.add(m.key);
    }
    for (const [i, m] of milestones.entries()) {
      for (const other of m.notBefore) {
        if (!keys.has(other)) {
          const message = `${m.key} must not precede ${other}, which is not in the catalogue`;
          ctx.addIssue({ code: 'custom', path: [i, 'notBefore'], message });
        }
      }
    }
    const cycle = findOrderCycle(milestones);
    if (cycle) {
      const message = `the expected order of milestones loops back to ${cycle}`;
      ctx.addIssue({ code: 'custom', path: [], message });
    }
  });
export type MilestoneCatalogue = z.infer<typeof MilestoneCatalogueSchema>;

type DefaultEntry = Omit<z.input<typeof MilestoneDefinitionSchema>, 'synonyms' | 'order'>;

/**
 * A child looked after for years has a review every six months or so. Reviews are kept up to the
 * tenth (five years of reviews): each a milestone of its own, so order checks, plausibility, lists
 * and tracker columns treat them like the first four. A general n-th review would need keys the
 * catalogue cannot list; ten covers the children a permanence programme follows.
 */
export const LATER_REVIEW_ORDINALS = ['fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;

/** Every LAC review in turn, first to tenth. */
export const LAC_REVIEW_KEYS: readonly MilestoneKey[] = [
  'first_lac_review',
  'second_lac_review',
  'third_lac_review',
  'fourth_lac_review',
  ...LATER_REVIEW_ORDINALS.map((o) => `${o}_lac_review`),
];

const DEFAULT_ENTRIES: DefaultEntry[] = [
  {
    key: 'accommodated',
    label: 'Accommodated',
    note: 'Child becomes looked after and accommodated; start of most measures',
  },
  { key: 'planning_meeting_72h', label: '72-hour planning meeting', notBefore: ['accommodated'] },
  {
    // Scottish stages: a hearing can come before or after accommodation, so it has no expected
    // order; it sits early so a child's furthest stage is still read from the permanence steps.
    key: 'childrens_hearing',
    label: "Children's Hearing",
    note: "A Children's Hearing about the child (SCRA)",
  },
  {
    key: 'first_lac_review',
    label: 'First LAC review',
    note: 'First looked-after child review; good practice is within 2 weeks of accommodation',
    notBefore: ['accommodated'],
  },
  // Later reviews each follow the one before; "LAC review" alone still means the first.
  {
    key: 'second_lac_review',
    label: 'Second LAC review',
    note: 'Second looked-after child review',
    notBefore: ['first_lac_review'],
  },
  {
    key: 'third_lac_review',
    label: 'Third LAC review',
    note: 'Third looked-after child review',
    notBefore: ['second_lac_review'],
  },
  {
    key: 'fourth_lac_review',
    label: 'Fourth LAC review',
    note: 'Fourth looked-after child review',
    notBefore: ['third_lac_review'],
  },
  ...LATER_REVIEW_ORDINALS.map((ordinal, i): DefaultEntry => ({
    key: `${ordinal}_lac_review`,
    label: `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} LAC review`,
    note: `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} looked-after child review`,
    notBefore: [`${i === 0 ? 'fourth' : LATER_REVIEW_ORDINALS[i - 1]}_lac_review`],
  })),
  {
    key: 'legal_advice',
    label: 'Legal advice',
    note: 'Legal advice sought on the permanence plan',
    notBefore: ['accommodated'],
  },
  {
    key: 'permanence_recommendation',
    label: 'Permanence recommendation',
    note: 'LAC review recommends permanence; end of Aim 2',
    // A LAC review makes the recommendation, so never before the first one (and so neither the
    // panel, the ADM decision nor what follows can precede it).
    notBefore: ['accommodated', 'first_lac_review'],
  },
  {
    key: 'permanence_panel',
    label: 'Permanence panel',
    note: 'Permanence / fostering and adoption panel',
    notBefore: ['permanence_recommendation'],
  },
  {
    key: 'adm_decision',
    label: 'ADM decision',
    note: "Agency decision maker's decision; end of Aim 3",
    notBefore: ['permanence_panel'],
  },
  {
    key: 'application_lodged',
    label: 'Application lodged',
    note: 'Application for the court order lodged; end of Aim 4',
    notBefore: ['adm_decision'],
  },
  {
    key: 'order_granted',
    label: 'Order granted',
    note: 'Order granted / permanence secured',
    notBefore: ['application_lodged'],
  },
  {
    key: 'cso_at_home',
    label: 'CSO at home',
    note: 'Compulsory supervision order at home starts; Aim 1',
  },
  {
    // Made or varied at a hearing, for a child at home or away from home: no expected order.
    key: 'cso_made_or_varied',
    label: 'CSO made or varied',
    note: 'Compulsory supervision order made or varied at a Children\'s Hearing',
  },
  {
    key: 'cso_review',
    label: 'CSO review',
    note: 'Review of a child at home on a CSO for 2+ years; Aim 1',
    notBefore: ['cso_at_home'],
  },
];

/** The programme's starting catalogue (domain.md); validated once when this module loads. */
export const DEFAULT_MILESTONE_CATALOGUE: MilestoneCatalogue = MilestoneCatalogueSchema.parse(
  DEFAULT_ENTRIES.map((entry, order) => ({
    ...entry,
    order,
    ...DEFAULT_MILESTONE_SYNONYMS[entry.key],
  })),
);

/** The milestones that new messages may name. */
export function activeMilestones(catalogue: MilestoneCatalogue): MilestoneDefinition[] {
  return catalogue.filter((m) => !m.retired);
}

/**
 * A label as written mid-sentence, the one place labels are lower-cased: "First LAC review" reads
 * "first LAC review"; an acronym ("ADM decision") or a proper name whose other words are capitalised
 * too ("Children's Hearing") stays as it is.
 */
export function labelMidSentence(label: string): string {
  if (/^.[A-Z]/.test(label) || /\s[A-Z][a-z]/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
