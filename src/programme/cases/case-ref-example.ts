import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_EXAMPLE,
  DEFAULT_CASE_REF_PATTERN,
  isCaseReference,
  normaliseCaseRef,
} from '../../domain/case-reference.js';
import type { Programme } from '../../store/schemas/programme.js';

// Made-up references in the shapes areas use, tried in turn for a programme that kept no example.
const SHAPES = ['C1042', 'NS-1042', 'SW/1042', 'AB_1042', 'AB.1042', 'ABC1042', 'C104', 'C1042567'];

/**
 * `said` as a reference, if it is one the pattern accepts (upper case, as references are stored);
 * undefined for anything else, a regular expression or a name among them.
 */
export function exampleFitting(said: unknown, pattern: string): string | undefined {
  if (typeof said !== 'string') return undefined;
  const ref = said.trim();
  return ref && ref.length <= 40 && isCaseReference(ref, compileCaseRefPattern(pattern)) ? normaliseCaseRef(ref) : undefined;
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
