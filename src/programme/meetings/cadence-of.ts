import { NotFoundError } from '../../errors.js';
import type { Cadence } from '../../domain/meetings/index.js';
import type { Programme } from '../../store/schemas/programme.js';

export const DEFAULT_DIGEST = { workingDaysBefore: 2, time: '09:00' };

/** The programme's champions' meeting cadence, or null if none is set. */
export function cadenceOf(programme: Programme): Cadence | null {
  if (!programme.meeting) return null;
  return { ...programme.meeting, timeZone: programme.timeZone };
}

export function requireCadence(programme: Programme): Cadence {
  const cadence = cadenceOf(programme);
  if (!cadence) {
    throw new NotFoundError(
      "No champions' meeting dates yet. A lead or admin can set them, e.g. `meeting set every 6 weeks from 14 Jan 10:00`.",
      'no_meetings',
    );
  }
  return cadence;
}
