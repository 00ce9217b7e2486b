import { z } from 'zod';
import type { MilestoneCatalogue } from '../../../domain/milestone-catalogue.js';
import { MilestoneDatesSchema } from '../../../store/schemas/case.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf } from '../../../programme/cases/milestone-settings.js';
import { plain } from '../../replies.js';

/** A case's state as its audit entries keep it (see milestones/write-case.ts). */
export const AuditedCaseStateSchema = z.object({
  milestones: z.record(z.string(), MilestoneDatesSchema),
  version: z.number(),
  /** On an undo entry: the id of the entry it reverted. */
  undoes: z.string().optional(),
});
export type AuditedCaseState = z.infer<typeof AuditedCaseStateSchema>;

/** An audit entry's before or after, read back; anything else counts as no case. */
export function caseStateOf(value: unknown): AuditedCaseState | null {
  const parsed = AuditedCaseStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function step(label: string, was: string | undefined, now: string | undefined): string[] {
  if (was === now) return [];
  if (!was) return [`${label} ${dayLabel(now!)}`];
  if (!now) return [`${label} ${dayLabel(was)} removed`];
  return [`${label} ${dayLabel(was)} → ${dayLabel(now)}`];
}

/**
 * What a change did, milestone by milestone, in catalogue words and dates only: "Permanence panel
 * Thu 5 Nov 2026 → Fri 6 Nov 2026", "Permanence panel planned Sat 12 Dec 2026".
 */
export function describeChange(
  before: AuditedCaseState | null,
  after: AuditedCaseState | null,
  catalogue: MilestoneCatalogue,
): string[] {
  const was = before?.milestones ?? {};
  const now = after?.milestones ?? {};
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return keys.flatMap((key) => {
    const label = plain(labelOf(catalogue, key));
    const actual = step(label, was[key]?.actual, now[key]?.actual);
    // A plan dropped because the milestone happened is said by the actual date alone.
    const planDropped = !now[key]?.planned && !!now[key]?.actual && !was[key]?.actual;
    const planned = planDropped
      ? []
      : step(`${label} planned`, was[key]?.planned, now[key]?.planned);
    return [...actual, ...planned];
  });
}
