import { DateTime } from 'luxon';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { caseStateOf, describeChange } from './describe-change.js';

const SHOWN = 15;
const VERBS: Record<string, string> = {
  record: 'recorded',
  undo: 'undid a change',
  export: 'exported the case',
};

/** `case C1042 history`: who changed what and when, newest first, in dates and milestones only. */
export async function caseHistory(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  const entries = await ctx.store.audit
    .find({ entity: 'case', entityId: caseRef }, { sort: { at: -1, _id: -1 }, limit: SHOWN + 1 })
    .toArray();
  if (entries.length === 0) return [text(`Nothing has been recorded on ${caseRef}.`)];
  const { catalogue } = milestoneSettings(ctx);
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  const lines = entries.slice(0, SHOWN).map((e) => {
    const when = DateTime.fromJSDate(e.at, { zone }).toFormat('d LLL yyyy HH:mm');
    const what = describeChange(caseStateOf(e.before), caseStateOf(e.after), catalogue);
    const detail = what.length > 0 ? `: ${what.join('; ')}` : '';
    return `- ${when} · ${plain(e.actor.name)} ${VERBS[e.action] ?? e.action}${detail}`;
  });
  const more =
    entries.length > SHOWN
      ? `\n(Older changes not shown; an admin can export them all with \`case ${caseRef} export\`.)`
      : '';
  return [text(`*${caseRef}: history*\n${lines.join('\n')}${more}`)];
}
