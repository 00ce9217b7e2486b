import { DateTime } from 'luxon';
import type { FoundGap } from '../digest/data-gaps.js';
import type { StoredReply } from '../store/schemas/digest.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import { plain } from '../../cards/plain-text.js';

/** The button on every reminder: no reminders for a week (the person's `awayUntil`). */
export const SNOOZE_VERB = 'reminders.snooze';
const snooze = {
  id: 'snooze_week',
  label: 'Snooze reminders for a week',
  action: { verb: SNOOZE_VERB, data: { days: 7 } },
};
const HINT = '_Away? Type `away until <date>` and I will hold reminders until then._';
const day = (iso: string) => DateTime.fromISO(iso).toFormat('d LLL yyyy');

/** To a test's owner: their tests carried out long enough ago to study, and how to record it. */
export function studyReminder(cycles: readonly PdsaCycle[], today: string): StoredReply[] {
  const lines = cycles.map((c) => {
    const done = c.do!.carriedOutOn;
    const days = Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(done), 'days').days);
    const how = `Record what you learned: \`pdsa T-${c.number} study\``;
    return `- *T-${c.number}* ${plain(c.title)}: carried out ${day(done)}, ${days} days ago. ${how}`;
  });
  const title =
    cycles.length === 1
      ? 'A test of change is waiting for Study'
      : `${cycles.length} tests of change are waiting for Study`;
  const sections = [{ text: lines.join('\n') }, { text: HINT }];
  return [{ kind: 'card', card: { title, sections, buttons: [snooze] } }];
}

/**
 * To a group's lead: planned milestone dates that passed with no actual date recorded. The hint uses
 * the area's example reference (see case-ref-example.ts): one its pattern refuses would be refused.
 */
export function plannedReminder(gaps: readonly FoundGap[], caseRefExample: string): StoredReply[] {
  const lines = gaps.map((g) => `- *${g.caseRef}*: ${plain(g.detail)}`);
  const what =
    `If it happened, record the date (e.g. \`${plain(caseRefExample)} LAC review 14/10\`); ` +
    'if it moved, give the new planned date.';
  const sections = [{ text: lines.join('\n') }, { text: what }, { text: HINT }];
  const title = 'Planned dates that passed with no date recorded';
  return [{ kind: 'card', card: { title, sections, buttons: [snooze] } }];
}
