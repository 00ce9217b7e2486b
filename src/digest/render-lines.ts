import { DateTime } from 'luxon';
import type { CycleChange } from '../programme/pdsa/queries.js';
import { plain } from '../../cards/plain-text.js';

/** Longer lists end "… and 4 more": a digest is read before a meeting, not searched. */
export const MAX_LIST_ITEMS = 8;

/** "a; b; c and 4 more". */
export function capped(items: readonly string[], max = MAX_LIST_ITEMS): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

export const localDay = (at: Date, timeZone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy');
export const isoDay = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('d LLL yyyy');

const EVENT_HEADINGS: [CycleChange['event'], string][] = [
  ['planned', 'Started'],
  ['carried_out', 'Carried out, now to study'],
  ['studied', 'Moved to Study'],
  ['decided', 'Decided'],
];

/** Tests of change since the last meeting, one line per kind of event. */
export function changeLines(changes: readonly CycleChange[]): string[] {
  return EVENT_HEADINGS.flatMap(([event, heading]) => {
    const items = changes
      .filter((c) => c.event === event)
      .map((c) => {
        const decision = c.decision ? `: *${c.decision}*` : '';
        return `T-${c.number} ${plain(c.title)} (${plain(c.ownerName)}${decision})`;
      });
    return items.length > 0 ? [`- *${heading}*: ${capped(items)}`] : [];
  });
}
