import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  DEFAULT_CASE_REF_PATTERN,
  isCaseReference,
  normaliseCaseRef,
} from '../../domain/case-reference.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';

// Made-up references in the shapes areas use, tried in turn for a programme that kept no example.
const SHAPES = ['C1042', 'NS-1042', 'SW/1042', 'AB_1042', 'AB.1042', 'ABC1042', 'C104', 'C1042567'];

/** Digits to fill a made-up reference with, in turn, until one is not a child the area holds. */
export const EXAMPLE_DIGITS = ['1042', '2024', '3141', '5926', '7071', '8642', '9753', '4680', '6428', '2718'];

/** What a hint says when every made-up reference is a real child's: a pattern, never a reference. */
export const CASE_REF_PLACEHOLDER = '<case ref>';

/**
 * A made-up reference in the shape of `said` (its letters and separators, its digits replaced:
 * FB-2041 → FB-1042) that the pattern accepts; undefined for anything else. The admin's own example
 * is likely a real child's, so it is never kept or shown: only its shape is.
 */
export function exampleFitting(said: unknown, pattern: string, digits = EXAMPLE_DIGITS[0]!): string | undefined {
  if (typeof said !== 'string') return undefined;
  const ref = said.trim();
  const compiled = compileCaseRefPattern(pattern);
  if (!ref || ref.length > 40 || !isCaseReference(ref, compiled)) return undefined;
  const made = normaliseCaseRef(ref).replace(/\d+/g, (run) => digits.repeat(Math.ceil(run.length / digits.length)).slice(0, run.length));
  return isCaseReference(made, compiled) ? made : undefined;
}

/** A made-up reference the pattern accepts, in one of the shapes areas use; undefined if none fits. */
export function madeUpExample(pattern: string): string | undefined {
  return SHAPES.find((shape) => exampleFitting(shape, pattern));
}

/**
 * The reference to show in hints ("e.g. FB-2041 accommodated 3 Oct"): the one the admin gave at
 * setup; for a programme without one, a made-up reference its pattern accepts; C1042, which fits
 * the default pattern, when there is no programme or nothing fits.
 */
export function caseRefExampleOf(
  programme: Pick<Programme, 'caseRefPattern' | 'caseRefExample'> | null | undefined,
): string {
  if (programme?.caseRefExample) return programme.caseRefExample;
  return madeUpExample(programme?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN) ?? DEFAULT_CASE_REF_EXAMPLE;
}

/**
 * The example reference for this turn's hints: `caseRefExampleOf`'s, or the first of its shape with
 * other digits, that is not a child the area holds. A made-up example can be a real reference (the
 * demo holds C1042; so may any area on the default pattern): shown in a channel it names a child and
 * the reply is withheld, and typed as shown it records a date against someone's child. One read of
 * the cases per call; call it once where a turn builds its hints and pass the result on.
 */
export async function freeCaseRefExample(
  store: Pick<WorkspaceStore, 'cases'>,
  programme: Pick<Programme, 'caseRefPattern' | 'caseRefExample'> | null | undefined,
): Promise<string> {
  const pattern = programme?.caseRefPattern ?? DEFAULT_CASE_REF_PATTERN;
  const first = programme?.caseRefExample ?? (await sharedShape(store, pattern)) ?? caseRefExampleOf(programme);
  const candidates = [
    ...new Set([first, ...EXAMPLE_DIGITS.map((digits) => exampleFitting(first, pattern, digits) ?? first)]),
  ];
  const held = await store.cases.find({ caseRef: { $in: candidates } }, { projection: { caseRef: 1 } }).toArray();
  const taken = new Set(held.map((c) => c.caseRef));
  return candidates.find((ref) => !taken.has(ref)) ?? CASE_REF_PLACEHOLDER;
}

/** What the kept example is audited as: a consequence of someone's change, named by theirs. */
const EXAMPLE_ACTION = 'case_ref_example';

/**
 * Keeps the programme's example reference (every hint's, those read without the store too: `case`
 * alone, a sentence without a reference, a tracker row's refusal) in the area's own shape and free
 * of its children, after `justHeld` became references the area holds:
 * - without an example from setup, the shape its references share (N3001 → N1042): an area whose
 *   children are N3001… was told "like C1042" after importing its tracker (a try-out);
 * - an example that has just become a child's reference moves to other digits, the made-up default
 *   (C1042) too: typed as shown, a hint would record a date against that child (a review).
 * Each change is conditional on the example read, and audited in the same write. It follows a change already made, so
 * a failure here leaves the hints as they were rather than turn that change's reply into an error.
 */
export async function keepReferenceShape(ctx: ModelContext, justHeld: readonly string[]): Promise<void> {
  const programme = ctx.programme;
  if (!programme || justHeld.length === 0) return;
  const kept = programme.caseRefExample;
  if (kept && !justHeld.includes(kept)) return;
  try {
    const pattern = programme.caseRefPattern;
    // Without a shared shape, the made-up default (C1042) when a child has just come to hold it.
    const fallback = caseRefExampleOf(programme);
    const shape = kept ?? (await sharedShape(ctx.store, pattern)) ?? (justHeld.includes(fallback) ? fallback : undefined);
    if (!shape) return;
    const example = await freeOfChildren(ctx.store, shape, pattern);
    if (!example || example === kept) return;
    // The audit entry rides on the programme in the same update (the repair sweep writes it after a
    // crash); not over another change's entry still riding there.
    const pendingAudit = pendingAuditOf(ctx, {
      entity: 'programme',
      entityId: ctx.store.workspaceId,
      action: EXAMPLE_ACTION,
      before: { caseRefExample: kept ?? null },
      after: { caseRefExample: example },
    });
    const unchanged = { caseRefExample: kept ?? { $exists: false }, pendingAudit: { $exists: false } };
    const changed = await ctx.store.programmes.findOneAndUpdate(unchanged, { $set: { caseRefExample: example, pendingAudit } }, { projection: { _id: 1 } });
    if (changed) await flushPendingAudit(ctx.store, 'programmes', [{ _id: changed._id, workspaceId: ctx.store.workspaceId, pendingAudit }]);
  } catch {
    // Hints keep the example they had; the next new reference tries again.
  }
}

/** `shape` with the first digits that no child the area holds has; undefined if every one is held. */
export async function freeOfChildren(store: Pick<WorkspaceStore, 'cases'>, shape: string, pattern: string): Promise<string | undefined> {
  const candidates = [...new Set(EXAMPLE_DIGITS.flatMap((digits) => exampleFitting(shape, pattern, digits) ?? []))];
  const held = await store.cases.find({ caseRef: { $in: candidates } }, { projection: { caseRef: 1 } }).toArray();
  const taken = new Set(held.map((c) => c.caseRef));
  return candidates.find((ref) => !taken.has(ref));
}

/** A reference's letters and separators, each run of digits as #: N3001 → N#, NS-1042 → NS-#. */
const shapeOf = (ref: string) => normaliseCaseRef(ref).replace(/\d+/g, '#');

/** How many of the area's references are compared; how many must share a shape, and what share of them. */
const SHAPE_SAMPLE = 50;
const SHAPE_MIN = 3;
const SHAPE_SHARE = 0.8;

/**
 * A made-up reference in the shape most of the area's references share (N3001, N3002, N3003 →
 * N1042): at least three, and four in five of those compared, so one reference typed another way
 * before the tracker came in does not keep the hints on C1042 (a try-out). Undefined when no shape
 * is that common: letters that differ from child to child may be initials, never to be shown to
 * everyone or kept.
 */
async function sharedShape(store: Pick<WorkspaceStore, 'cases'>, pattern: string): Promise<string | undefined> {
  const held = await store.cases.find({}, { projection: { caseRef: 1 }, sort: { _id: 1 }, limit: SHAPE_SAMPLE }).toArray();
  const byShape = new Map<string, string[]>();
  for (const { caseRef } of held) {
    const shape = shapeOf(caseRef);
    byShape.set(shape, [...(byShape.get(shape) ?? []), caseRef]);
  }
  const common = [...byShape.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (common.length < SHAPE_MIN || common.length < held.length * SHAPE_SHARE) return undefined;
  return exampleFitting(common[0]!, pattern);
}
