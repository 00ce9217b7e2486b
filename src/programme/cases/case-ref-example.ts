import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  DEFAULT_CASE_REF_PATTERN,
  isCaseReference,
  normaliseCaseRef,
} from '../../domain/case-reference.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

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
  const first = programme?.caseRefExample ?? (await heldShape(store, pattern)) ?? caseRefExampleOf(programme);
  const candidates = [
    ...new Set([first, ...EXAMPLE_DIGITS.map((digits) => exampleFitting(first, pattern, digits) ?? first)]),
  ];
  const held = await store.cases.find({ caseRef: { $in: candidates } }, { projection: { caseRef: 1 } }).toArray();
  const taken = new Set(held.map((c) => c.caseRef));
  return candidates.find((ref) => !taken.has(ref)) ?? CASE_REF_PLACEHOLDER;
}

/**
 * Keeps the shape of a reference the area has just started holding as the programme's example, when
 * setup gave none: a made-up reference in that shape (N3001 → N1042), never the reference itself, and
 * not one a child holds. Every hint then uses it, those read without the store too (`case` alone, a
 * sentence without a reference, a tracker row's refusal): an area whose children are N3001… was told
 * "like C1042" there after importing its tracker. Written once, only while no example is kept, so
 * setup's own example always wins; a write lost to a race or a failure leaves the hints as they were.
 */
export async function keepReferenceShape(
  store: Pick<WorkspaceStore, 'cases' | 'programmes'>,
  programme: Pick<Programme, 'caseRefPattern' | 'caseRefExample'> | null | undefined,
  caseRef: string | undefined,
): Promise<void> {
  if (!programme || programme.caseRefExample || !caseRef) return;
  const pattern = programme.caseRefPattern;
  const candidates = EXAMPLE_DIGITS.flatMap((digits) => exampleFitting(caseRef, pattern, digits) ?? []);
  if (candidates.length === 0) return;
  const held = await store.cases.find({ caseRef: { $in: candidates } }, { projection: { caseRef: 1 } }).toArray();
  const taken = new Set(held.map((c) => c.caseRef));
  const example = candidates.find((ref) => !taken.has(ref));
  if (!example) return;
  // After the change it follows has been made: a failure here must not turn that change's reply into an error.
  await store.programmes.updateOne({ caseRefExample: { $exists: false } }, { $set: { caseRefExample: example } }).catch(() => undefined);
}

/**
 * Without an example from setup, the shape of the references the area holds (N3001 → N1042): an
 * area on the default pattern whose children are N3001… was shown C1042 in every hint (a try-out
 * after importing its tracker). Only the shape is used; the digits are made up, and the caller
 * then makes sure no child holds the result.
 */
async function heldShape(store: Pick<WorkspaceStore, 'cases'>, pattern: string): Promise<string | undefined> {
  const held = await store.cases.findOne({}, { projection: { caseRef: 1 }, sort: { _id: 1 } });
  return held ? exampleFitting(held.caseRef, pattern) : undefined;
}
