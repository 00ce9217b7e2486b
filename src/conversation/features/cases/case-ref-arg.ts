import type { WithId } from 'mongodb';
import {
  DEFAULT_CASE_REF_PATTERN,
  isCaseReference,
  normaliseCaseRef,
} from '../../../domain/case-reference.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';

/**
 * A case reference typed after a command, normalised, or a refusal that does not repeat what was
 * typed: a word that is not a reference may be a child's name.
 */
export function caseRefArg(ctx: TurnContext, token: unknown): string {
  const { pattern, caseRefPattern } = milestoneSettings(ctx);
  if (typeof token === 'string' && isCaseReference(token, pattern)) return normaliseCaseRef(token);
  const like = caseRefPattern === DEFAULT_CASE_REF_PATTERN ? ' (like C1042)' : '';
  throw new ValidationError(
    'no_case_reference',
    `Please give a case reference${like}, never a name — e.g. \`case C1042\`.`,
  );
}

/** The case, or a reply that says how to start one. */
export async function findCase(ctx: TurnContext, caseRef: string): Promise<WithId<Case>> {
  const found = await ctx.store.cases.findOne({ caseRef });
  if (found) return found;
  throw new NotFoundError(
    `No case ${caseRef} yet. Record a milestone to start one, ` +
      `e.g. *${caseRef} accommodated 3 Oct*.`,
    'unknown_case',
  );
}
