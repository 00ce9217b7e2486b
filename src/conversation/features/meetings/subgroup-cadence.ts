import { upcomingMeetings } from '../../../domain/meetings/index.js';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { describeDay, describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { parseLocalDate } from './parse-local-date.js';
import { plain, possessive } from '../../replies.js';

const GROUP_SET = /^(\S+)\s+every\s+(\d{1,2})\s+weeks?\s+(?:from|starting)\s+(.+)$/i;

/**
 * `meeting set <group> every 3 weeks from <date> <time>`: an aim group's own sub-group meetings,
 * which coach prompts can be timed by. Null when the words name no group (the champions' cadence).
 */
export async function setSubgroupCadence(ctx: TurnContext, rest: string): Promise<string | null> {
  const match = GROUP_SET.exec(rest.trim());
  if (!match || match[1]!.toLowerCase() === 'every') return null;
  const zone = ctx.requireProgramme().timeZone;
  const group = await findGroup(ctx, match[1]!);
  ctx.requireRole(['admin', 'lead'], `change ${plain(group.name)}${possessive(group.name)} meeting dates`, group);
  const everyWeeks = Number(match[2]);
  const example = `e.g. \`meeting set ${group.key} every 3 weeks from 2 Dec 2026 14:00\``;
  if (everyWeeks < 1 || everyWeeks > 26) {
    throw new ValidationError('bad_cadence', `Meetings can be every 1 to 26 weeks, ${example}.`);
  }
  const start = parseLocalDate(match[3]!, ctx.now, zone);
  if (!start) {
    throw new ValidationError('bad_cadence', `I couldn't read the first date, ${example}.`);
  }
  const anchor = { date: start.date, time: start.time ?? '10:00' };
  const after = { subgroupAnchor: anchor, subgroupEveryWeeks: everyWeeks };
  await ctx.store.groups.updateOne({ key: group.key }, { $set: after });
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'group',
    entityId: group.key,
    action: 'subgroup_meetings',
    before: {
      subgroupAnchor: group.subgroupAnchor ?? null,
      subgroupEveryWeeks: group.subgroupEveryWeeks,
    },
    after,
    source: ctx.source(),
  });
  const cadence = { anchorDate: anchor.date, anchorTime: anchor.time, everyWeeks, timeZone: zone };
  const next = upcomingMeetings(cadence, ctx.now, 2).map((m) => describeWhen(m.at, zone));
  const from = `from ${describeDay(anchor.date)} at ${anchor.time}`;
  const dates = next.length > 0 ? ` Next: ${next.join('; ')}.` : '';
  return `${plain(group.name)} meets every ${everyWeeks} weeks ${from}.${dates}`;
}
