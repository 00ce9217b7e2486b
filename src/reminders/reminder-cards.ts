import { DateTime } from 'luxon';
import type { FoundGap } from '../digest/data-gaps.js';
import type { StoredReply } from '../store/schemas/digest.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';

/** The button on every reminder: no reminders for a week (the person's `awayUntil`). */
export const SNOOZE_VERB = 'reminders.snooze';
const snooze = { id: 'snooze_week', label: 'Snooze reminders for a week', action: { verb: SNOOZE_VERB, data: { days: 7 } } };
const HINT = '_Away? Type `away until <date>` and I will hold reminders until then._';

/** To a test's owner: their tests carried out long enough ago to study, and how to record it. */
export function studyReminder(cycles: readonly PdsaCycle[], today: string): StoredReply[] {
  const lines = cycles.map((c) => {
    const days = Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(c.do!.carriedOutOn), 'days').days);
    return `- *T-${c.number}* ${c.title}: carried out ${DateTime.fromISO(c.do!.carriedOutOn).toFormat('d LLL yyyy')}, ${days} days ago. Record what you learned: \`pdsa T-${c.number} study\``;
  });
  return [{ kind: 'card', card: { title: cycles.length === 1 ? 'A test of change is waiting for Study' : `${cycles.length} tests of change are waiting for Study`, sections: [{ text: lines.join('\n') }, { text: HINT }], buttons: [snooze] } }];
}

/** To a group's lead: planned milestone dates that passed with no actual date recorded. */
export function plannedReminder(gaps: readonly FoundGap[]): StoredReply[] {
  const lines = gaps.map((g) => `- *${g.caseRef}*: ${g.detail}`);
  return [
    {
      kind: 'card',
      card: {
        title: 'Planned dates that passed with no date recorded',
        sections: [{ text: lines.join('\n') }, { text: 'If it happened, record the date (e.g. `C1042 LAC review 14/10`); if it moved, give the new planned date.' }, { text: HINT }],
        buttons: [snooze],
      },
    },
  ];
}
