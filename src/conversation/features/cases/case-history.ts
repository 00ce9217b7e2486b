import { DateTime } from 'luxon';
import { importOfKey } from '../../../programme/imports/apply-import.js';
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

const teamOf = (state: unknown) => (state as { team?: string | null } | null)?.team ?? null;

/** "put it in team North", "moved it to team South (was North)", "took it out of team North". */
function teamChange(before: unknown, after: unknown): string {
  const [was, now] = [teamOf(before), teamOf(after)];
  if (!now) return was ? `took it out of team ${plain(was)}` : 'left it in no team';
  if (!was) return `put it in team ${plain(now)}`;
  return was === now ? `set team ${plain(now)} again` : `moved it to team ${plain(now)} (was ${plain(was)})`;
}

/** `case C1042 history`: who changed what and when, newest first, in dates and milestones only. */
export async function caseHistory(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  const entries = await ctx.store.audit
    .find({ entity: 'case', entityId: caseRef }, { sort: { at: -1, _id: -1 }, limit: SHOWN + 1 })
    .toArray();
  if (entries.length === 0) return [text(`Nothing has been recorded on ${caseRef}.`)];
  const { catalogue } = milestoneSettings(ctx);
  const zone = ctx.programme?.timeZone ?? 'Europe/London';
  // Hand-overs name who the case went to (their id is what the audit keeps).
  const owners = entries.filter((e) => e.action === 'hand_over').map((e) => (e.after as { ownerId?: string } | null)?.ownerId).filter((id): id is string => !!id);
  const people = owners.length > 0 ? await ctx.store.members.find({ userId: { $in: owners } }).toArray() : [];
  const nameOf = (id: string | undefined) => plain(people.find((p) => p.userId === id)?.name ?? 'a colleague');
  const lines = entries.slice(0, SHOWN).map((e) => {
    const when = DateTime.fromJSDate(e.at, { zone }).toFormat('d LLL yyyy HH:mm');
    if (e.action === 'team') return `- ${when} · ${plain(e.actor.name)} ${teamChange(e.before, e.after)}`;
    if (e.action === 'hand_over') return `- ${when} · ${plain(e.actor.name)} handed it over to ${nameOf((e.after as { ownerId?: string } | null)?.ownerId)}`;
    const what = describeChange(caseStateOf(e.before), caseStateOf(e.after), catalogue);
    const detail = what.length > 0 ? `: ${what.join('; ')}` : '';
    // An import is the tracker's dates, brought in by an admin: named by its number, as on the case card.
    const imported = e.action === 'import' ? importOfKey(e.changeKey) : null;
    if (imported) return `- ${when} · imported (import #${imported.number}, by ${plain(e.actor.name)})${detail}`;
    return `- ${when} · ${plain(e.actor.name)} ${VERBS[e.action] ?? e.action}${detail}`;
  });
  const more =
    entries.length > SHOWN
      ? `\n(Older changes not shown; an admin can export them all with \`case ${caseRef} export\`.)`
      : '';
  return [text(`*${caseRef}: history*\n${lines.join('\n')}${more}`)];
}
