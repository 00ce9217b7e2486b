import type { WithId } from 'mongodb';
import { isCaseReference, normaliseCaseRef } from '../../../domain/case-reference.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';

/**
 * A case reference typed after a command, normalised, or a refusal that does not repeat what was
 * typed: a word that is not a reference may be a child's name.
 */
export function caseRefArg(ctx: TurnContext, token: unknown): string {
  const { pattern, caseRefExample } = milestoneSettings(ctx);
  if (typeof token === 'string' && isCaseReference(token, pattern)) return normaliseCaseRef(token);
  // The area's own example: one its pattern accepts, so copying it works.
  throw new ValidationError(
    'no_case_reference',
    `Please give a case reference (like ${caseRefExample}), never a name — e.g. \`case ${caseRefExample}\`.`,
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
