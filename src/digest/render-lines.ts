import { DateTime } from 'luxon';
import type { CycleChange } from '../programme/pdsa/queries.js';
import { plain } from '../../cards/plain-text.js';
import { predictionVerdictWords } from '../programme/pdsa/verdict-words.js';

/** Longer lists end "… and 4 more": a digest is read before a meeting, not searched. */
export const MAX_LIST_ITEMS = 8;

/** "a; b; c and 4 more". */
export function capped(items: readonly string[], max = MAX_LIST_ITEMS): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** "Still waiting after 26 weeks (the aim’s time)": the heading of the aim's gap line, everywhere. */
export const pastAimHeading = (weeks: number) => `Still waiting after ${weeks} weeks (the aim’s time)`;

/**
 * The same line for an aim in weeks with no key measure: nothing is timed, so no count (a "none"
 * read as nobody waiting). `command`: how to choose one, for chat; the printed pack leaves it out.
 */
export function untimedAimLine(weeks: number, command?: string): string {
  return `${pastAimHeading(weeks)}: not timed until the aim has a key measure${command ? ` (${command})` : ''}`;
}

export const localDay = (at: Date, timeZone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy');
export const isoDay = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('d LLL yyyy');

/** Each heading gathers the tests whose latest step since the last meeting was this one. */
const EVENT_HEADINGS: [CycleChange['event'], string][] = [
  ['planned', 'Started'],
  ['carried_out', 'Carried out, now to study'],
  ['studied', 'Moved to Study'],
  ['decided', 'Decided'],
];

const EVENT_WORDS: Record<CycleChange['event'], string> = {
  planned: 'started',
  carried_out: 'carried out',
  studied: 'studied',
  decided: 'decided',
};

/** Each cycle's changes, in time order, keyed by cycle in the order of its latest change. */
function byCycle(changes: readonly CycleChange[]): CycleChange[][] {
  const grouped = new Map<number, CycleChange[]>();
  const inTimeOrder = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const change of inTimeOrder) {
    grouped.set(change.number, [...(grouped.get(change.number) ?? []), change]);
  }
  return [...grouped.values()].sort(
    (a, b) => a.at(-1)!.at.getTime() - b.at(-1)!.at.getTime() || a[0]!.number - b[0]!.number,
  );
}

/**
 * Tests of change since the last meeting, one line per stage reached. A test that moved on several
 * times is listed once, at the stage it is at now, with the steps it took (listing it under each
 * step read as three different tests).
 */
export function changeLines(changes: readonly CycleChange[]): string[] {
  const cycles = byCycle(changes);
  return EVENT_HEADINGS.flatMap(([event, heading]) => {
    const items = cycles
      .filter((steps) => steps.at(-1)!.event === event)
      .map((steps) => {
        const c = steps.at(-1)!;
        const decision = c.decision ? `: *${c.decision}*` : '';
        const studied = steps.find((s) => s.verdict);
        const verdict = studied?.verdict ? `, ${predictionVerdictWords(studied.verdict, studied.botVerdict)}` : '';
        const path =
          steps.length > 1 ? ` — ${steps.map((s) => EVENT_WORDS[s.event]).join(', then ')}` : '';
        return `T-${c.number} ${plain(c.title)} (${plain(c.ownerName)}${decision}${verdict})${path}`;
      });
    return items.length > 0 ? [`- *${heading}*: ${capped(items)}`] : [];
  });
}
