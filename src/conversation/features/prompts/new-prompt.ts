import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { describeWhen } from '../meetings/describe-meeting.js';
import { describeSchedule } from './describe-schedule.js';
import { parseSchedule, SCHEDULE_EXAMPLES } from './parse-schedule.js';
import { nextOccurrence, subgroupCadence } from './prompt-occurrences.js';

const SHAPE = /^(\S+)\s+(.+?):\s+([\s\S]+)$/;
const EXAMPLE = '`prompt legal-processes every 2 weeks from 7 Dec 2026 09:00: What did your last PDSA teach you?`';

/**
 * `prompt <group> <when>: <text>`: a coach schedules a prompt to an aim group's channel. The group
 * needs a linked channel, and a prompt timed by sub-group meetings needs their dates.
 */
export async function schedulePrompt(ctx: TurnContext, rest: string): Promise<string> {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['coach'], 'schedule prompts to groups');
  const shape = SHAPE.exec(rest.trim());
  if (!shape) throw new ValidationError('bad_prompt', `Say the group, when, a colon, then the prompt, e.g. ${EXAMPLE}. When can be ${SCHEDULE_EXAMPLES}.`);
  const group = await findGroup(ctx, shape[1]!);
  if (!group.channel) {
    throw new ValidationError('group_without_channel', `${group.name} has no channel linked yet: in its channel, a lead or admin types \`group ${group.key} link\`.`);
  }
  const schedule = parseSchedule(shape[2]!, ctx.now, programme.timeZone);
  if (schedule.kind === 'before_meeting' && !subgroupCadence(group, programme.timeZone)) {
    throw new ValidationError('no_subgroup_meetings', `${group.name} has no sub-group meeting dates yet: \`meeting set ${group.key} every 3 weeks from <date> <time>\`.`);
  }
  const text = shape[3]!.trim();
  if (text.length < 3 || text.length > 1000) throw new ValidationError('bad_prompt', 'Keep the prompt between 3 and 1,000 characters.');
  const number = await ctx.store.nextSequence('prompt');
  await ctx.store.prompts.insertOne({ number, kind: 'prompt', groupKey: group.key, text, createdBy: ctx.actor(), schedule, status: 'active', createdAt: ctx.now, updatedAt: ctx.now });
  await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'prompt', entityId: `P-${number}`, action: 'schedule', before: null, after: { groupKey: group.key, schedule, text }, source: ctx.source() });
  const next = nextOccurrence(schedule, group, programme.timeZone, ctx.now);
  const first = next ? ` First: ${describeWhen(next, programme.timeZone)}.` : '';
  return `Prompt P-${number} for ${group.name}, ${describeSchedule(schedule, programme.timeZone)}.${first} Replies in its thread come to you: \`prompt responses P-${number}\`.`;
}
