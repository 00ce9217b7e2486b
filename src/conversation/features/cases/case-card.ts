import { DateTime } from 'luxon';
import { importOfKey } from '../../../programme/imports/apply-import.js';
import type { Card, CardSection } from '../../../../cards/model.js';
import type { Case } from '../../../store/schemas/case.js';
import type { TurnContext } from '../../context.js';
import {
  dayLabel,
  daysFrom,
  intervalText,
  milestoneNoun,
  waitText,
} from '../../../programme/cases/day-format.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { type JourneyView, journeyOf } from './journey-of.js';
import { plain } from '../../replies.js';
import { lastUndoable } from './undo-change.js';

export const TIMELINE_VERB = 'case.timeline';
export const UNDO_VERB = 'case.undo';
export const HISTORY_VERB = 'case.history';
/** Opens the form that puts the case in a team (team-command.ts). */
export const TEAM_FORM_VERB = 'case.team.open';

/**
 * Who last changed the case, and when, in the programme's time zone. A tracker import is named by
 * its number, not by the admin who ran it or took it back: they did data support, and
 * `case X history` names them.
 */
async function lastChange(ctx: TurnContext, caseRef: string): Promise<string | undefined> {
  const entry = await ctx.store.audit.findOne(
    { entity: 'case', entityId: caseRef, action: { $in: ['record', 'undo', 'import'] } },
    { sort: { at: -1, _id: -1 } },
  );
  if (!entry) return undefined;
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const when = DateTime.fromJSDate(entry.at, { zone }).toFormat('d LLL yyyy HH:mm');
  const imported = importOfKey(entry.changeKey);
  if (entry.action === 'import') return `imported${imported ? ` (import #${imported.number})` : ''}, ${when}`;
  if (imported?.undo) return `import #${imported.number} undone, ${when}`;
  return `${plain(entry.actor.name)}, ${when}${entry.action === 'undo' ? ' (undo)' : ''}`;
}

function journeySections(
  view: JourneyView,
  today: string,
  noun: (key: string) => string,
): CardSection[] {
  const sections: CardSection[] = [];
  if (view.reached.length > 0) {
    const lines = view.reached.map((m) => {
      const since = m.since ? ` · ${intervalText(m.since.days)} after ${noun(m.since.key)}` : '';
      return `- *${plain(m.label)}* — ${dayLabel(m.date)}${since}`;
    });
    sections.push({ heading: 'Milestones', text: lines.join('\n') });
  }
  if (view.planned.length > 0) {
    const lines = view.planned.map((m) => {
      const ahead = daysFrom(today, m.date);
      const when = ahead > 0 ? `in ${waitText(ahead)}` : 'date passed — record what happened';
      return `- *${plain(m.label)}* — planned ${dayLabel(m.date)} (${when})`;
    });
    sections.push({ heading: 'Planned', text: lines.join('\n') });
  }
  const { stage } = view;
  if (stage) {
    const now = stage.complete
      ? `Permanence secured: ${noun(stage.key)} on ${dayLabel(stage.date)}.`
      : `Current stage: after ${noun(stage.key)}. ` +
        `Waiting ${waitText(stage.waitingDays)} since ${dayLabel(stage.date)}.`;
    sections.push({ heading: 'Now', text: now });
  }
  return sections;
}

/**
 * `case C1042`: the child's milestones in the order they happened with the time between each,
 * planned dates, how long the child has waited at the current stage, and the last change.
 */
export async function caseCard(ctx: TurnContext, found: Case): Promise<Card> {
  const { catalogue, today } = milestoneSettings(ctx);
  const view = journeyOf(found.milestones, catalogue, today);
  // A milestone's label may come from a tracker's column heading.
  const sections = journeySections(view, today, (key) => plain(milestoneNoun(catalogue, key)));
  const [changed, undoable] = await Promise.all([lastChange(ctx, found.caseRef), lastUndoable(ctx, found.caseRef)]);
  const data = { ref: found.caseRef };
  // Offered only where pressing it would undo something this person may undo (undoTarget's rule):
  // on every card it answered "no change to undo" or a refusal (a phone try-out).
  const mayUndo = undoable !== null && (undoable.actor.userId === ctx.turn.user.id || ctx.isAdmin || ctx.leadOf.length > 0);
  return {
    title: `${found.caseRef}: journey to permanence`,
    ...(sections.length === 0 ? { subtitle: 'No milestone dates held.' } : {}),
    sections,
    ...(changed || found.team
      ? { facts: [...(found.team ? [{ label: 'Team', value: plain(found.team) }] : []), ...(changed ? [{ label: 'Last change', value: changed }] : [])] }
      : {}),
    buttons: [
      { id: 'timeline', label: 'Timeline', action: { verb: TIMELINE_VERB, data } },
      { id: 'history', label: 'History', action: { verb: HISTORY_VERB, data } },
      ...(mayUndo ? [{ id: 'undo', label: 'Undo last change', action: { verb: UNDO_VERB, data } }] : []),
      { id: 'team', label: 'Team', action: { verb: TEAM_FORM_VERB, data } },
    ],
  };
}
