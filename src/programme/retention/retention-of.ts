import { DateTime } from 'luxon';
import { DEFAULT_RETENTION, type RetentionRule, retentionDue } from '../../domain/retention.js';
import type { Case } from '../../store/schemas/case.js';
import type { Programme } from '../../store/schemas/programme.js';

/** The programme's retention rule, or the defaults. */
export function retentionRule(programme: Pick<Programme, 'retention'> | null): RetentionRule {
  return programme?.retention ?? DEFAULT_RETENTION;
}

/** When this case's record is due to be erased under the programme's rule. */
export function caseRetentionDue(held: Pick<Case, 'milestones' | 'updatedAt' | 'keepUntil'>, programme: Pick<Programme, 'retention' | 'timeZone'> | null): string {
  const zone = programme?.timeZone ?? 'Europe/London';
  const lastActivity = DateTime.fromJSDate(held.updatedAt, { zone }).toISODate()!;
  return retentionDue({ milestones: held.milestones, lastActivity, ...(held.keepUntil ? { keepUntil: held.keepUntil } : {}) }, retentionRule(programme));
}
