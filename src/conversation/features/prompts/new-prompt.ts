import { ValidationError } from '../../../errors.js';
import type { Group } from '../../../store/schemas/group.js';
import type { PromptSchedule } from '../../../store/schemas/prompt.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { flushPromptAudit, promptAudit } from './audit-prompt.js';
import { describeSchedule } from './describe-schedule.js';
import { parseSchedule, SCHEDULE_EXAMPLES } from './parse-schedule.js';
import { nextOccurrence, subgroupCadence } from '../../../programme/prompts/prompt-occurrences.js';
import { plain } from '../../replies.js';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';

const SHAPE = /^(\S+)\s+(.+?):\s+([\s\S]+)$/;
const EXAMPLE = '`prompt legal-processes every 2 weeks from 7 Dec 09:00: What did you learn?`';

/** Refuses a prompt the group cannot get: no channel, or no sub-group meetings to time it by. */
function requireReachable(group: Group, schedule: PromptSchedule, timeZone: string): void {
  if (!group.channel) {
    const how = `in its channel, a lead or admin types \`group ${group.key} link\``;
    const message = `${plain(group.name)} has no channel linked yet: ${how}.`;
    throw new ValidationError('group_without_channel', message);
  }
  if (schedule.kind === 'before_meeting' && !subgroupCadence(group, timeZone)) {
    const how = `\`meeting set ${group.key} every 3 weeks from <date> <time>\``;
    const message = `${plain(group.name)} has no sub-group meeting dates yet: ${how}.`;
    throw new ValidationError('no_subgroup_meetings', message);
  }
}

/**
 * `prompt <group> <when>: <text>`: a coach schedules a prompt to an aim group's channel. The group
 * needs a linked channel, and a prompt timed by sub-group meetings needs their dates.
 */
export async function schedulePrompt(ctx: TurnContext, rest: string): Promise<string> {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['coach'], 'schedule prompts to groups');
  const shape = SHAPE.exec(rest.trim());
  if (!shape) {
    const how = `Say the group, when, a colon, then the prompt, e.g. ${EXAMPLE}.`;
    throw new ValidationError('bad_prompt', `${how} When can be ${SCHEDULE_EXAMPLES}.`);
  }
  const group = await findGroup(ctx, shape[1]!);
  const zone = programme.timeZone;
  const schedule = parseSchedule(shape[2]!, ctx.now, zone);
  requireReachable(group, schedule, zone);
  const text = shape[3]!.trim();
  if (text.length < 3 || text.length > 1000) {
    throw new ValidationError('bad_prompt', 'Keep the prompt between 3 and 1,000 characters.');
  }
  refuseChildForChannel(ctx, text, 'A prompt');
  const number = await ctx.store.nextSequence('prompt');
  const prompt = { number, kind: 'prompt' as const, groupKey: group.key, text, schedule };
  await ctx.store.prompts.insertOne({
    ...prompt,
    createdBy: ctx.actor(),
    status: 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    pendingAudit: promptAudit(ctx, number, 'schedule', null, prompt),
  });
  await flushPromptAudit(ctx, number);
  const next = nextOccurrence(schedule, group, zone, ctx.now);
  const first = next ? ` First: ${describeWhen(next, zone)}.` : '';
  const replies = `Replies in its thread come to you: \`prompt responses P-${number}\`.`;
  const when = describeSchedule(schedule, zone);
  return `Prompt P-${number} for ${plain(group.name)}, ${when}.${first} ${replies}`;
}
