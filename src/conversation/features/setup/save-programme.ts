import { IANAZone } from 'luxon';
import { z } from 'zod';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';
import { ValidationError } from '../../../errors.js';
import { RuleSetSchema, type Programme } from '../../../store/schemas/programme.js';
import type { TurnContext } from '../../context.js';
import { seedChangeIdeas } from '../../../programme/change-ideas/seed-change-ideas.js';
import { DEFAULT_CASE_REF_PATTERN, patternFromExample } from '../../../domain/case-reference.js';
import { exampleFitting, freeOfChildren } from '../../../programme/cases/case-ref-example.js';
import { shownExample } from './programme-form.js';

export const ProgrammeInputSchema = z.object({
  name: z.string().trim().min(2, { message: 'needs at least 2 characters' }).max(120),
  timeZone: z
    .string()
    .trim()
    .default('Europe/London')
    .refine((zone) => IANAZone.isValidZone(zone), { message: 'is not a time zone I know — use a name like Europe/London' }),
  // One reference as the area writes it (NS-1042) builds the pattern; a regular expression is kept.
  caseRefPattern: z
    .string()
    .trim()
    .default(DEFAULT_CASE_REF_PATTERN)
    .transform((said) => patternFromExample(said) ?? said)
    .refine(isSafePattern, { message: 'needs to be one of your references as you write them, like NS-1042 or C1042' }),
  ruleSet: RuleSetSchema.default('ihi'),
});
/** The settings to save, with the reference the admin gave as an example, when they gave one. */
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema> & { caseRefExample?: string };

function isSafePattern(source: string): boolean {
  try {
    const re = new RegExp(source);
    // A pattern that accepts ordinary words would let names in as identifiers.
    return !re.test('Jamie') && !re.test('') && source.length <= 200;
  } catch {
    return false;
  }
}

/** The programme settings as they would be saved, or a clear refusal naming the field. */
export function checkProgrammeInput(raw: Record<string, unknown>): ProgrammeInput {
  // An example left empty on the form is none given: the default pattern.
  const blank = typeof raw.caseRefPattern === 'string' && raw.caseRefPattern.trim() === '';
  const parsed = ProgrammeInputSchema.safeParse(blank ? { ...raw, caseRefPattern: undefined } : raw);
  if (parsed.success) {
    // The shape of the reference typed for the pattern is kept for hints (FB-2041 → FB-1042, never
    // the reference itself: it is likely a child's); a rename card carries it back as
    // caseRefExample, checked again since a button's data comes from the client.
    const pattern = parsed.data.caseRefPattern;
    // The name heads every digest and pack, channels included (a review found "Legal C1042" kept).
    refuseChildForChannel({ programme: { caseRefPattern: pattern } }, parsed.data.name, 'The programme’s name', {
      where: 'heads every digest and meeting pack, channels included',
      field: 'name',
    });
    const caseRefExample = exampleFitting(raw.caseRefPattern, pattern) ?? exampleFitting(raw.caseRefExample, pattern);
    return { ...parsed.data, ...(caseRefExample ? { caseRefExample } : {}) };
  }
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0]);
  throw new ValidationError('invalid_programme', `The ${labelOf(field)} ${issue.message}.`, { field });
}

/** Creates or updates the workspace's programme from validated input, audited. */
export async function saveProgramme(ctx: TurnContext, raw: Record<string, unknown>): Promise<Programme> {
  ctx.requireRole(['admin'], 'set up the programme');
  const before = await ctx.store.programmes.findOne({});
  // The example the form showed, sent back unchanged, keeps the pattern as it is: rebuilt from the
  // example it could come out narrower than the one stored (a review).
  const unchanged = before && typeof raw.caseRefPattern === 'string' && raw.caseRefPattern.trim() === shownExample(before);
  const parsed = { data: checkProgrammeInput(unchanged ? { ...raw, caseRefPattern: before.caseRefPattern } : raw) };
  // Without a new example the one held stays, unless the new pattern would refuse it.
  const { caseRefExample: held, ...kept }: Partial<Programme> = before ?? { createdAt: ctx.now };
  const shaped = parsed.data.caseRefExample ?? exampleFitting(held, parsed.data.caseRefPattern);
  // Other digits if the area holds a child with that very reference: a hint must never name a real child.
  const caseRefExample = shaped && (await freeOfChildren(ctx.store, shaped, parsed.data.caseRefPattern));
  const after: Programme = {
    ...kept,
    ...parsed.data,
    ...(caseRefExample ? { caseRefExample } : {}),
    workspaceId: ctx.store.workspaceId,
    updatedAt: ctx.now,
  } as Programme;
  const { _id, workspaceId, ...doc } = after;
  await ctx.store.programmes.replaceOne({}, doc, { upsert: true });
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'programme',
    entityId: ctx.store.workspaceId,
    action: before ? 'update' : 'create',
    before: before ?? null,
    after: doc,
    source: ctx.source(),
  });
  // A new programme starts with the published change ideas, so the first `pdsa new` has a library to pick from.
  if (!before) await seedChangeIdeas(ctx.store, ctx.now);
  return after;
}

function labelOf(field: string): string {
  return { name: 'name', timeZone: 'time zone', caseRefPattern: 'case reference pattern', ruleSet: 'rule set' }[field] ?? field;
}
