import { z } from 'zod';
import { ValidationError } from '../../../errors.js';
import { meetingOnDay, nextMeeting, occurrenceOn } from '../../../domain/meetings/index.js';
import { localToday } from '../../../programme/local-date.js';
import { MeetingCadenceSchema, type Programme } from '../../../store/schemas/programme.js';
import type { TurnContext } from '../../context.js';
import { requireCadence } from '../../../programme/meetings/cadence-of.js';
import { describeDay, describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { parseLocalDate } from './parse-local-date.js';
import { setSubgroupCadence } from './subgroup-cadence.js';

/** Leads and admins change meetings; every change is audited and the digest follows the new date. */
function requireMeetingRole(ctx: TurnContext): Programme {
  const programme = ctx.requireProgramme();
  ctx.requireRole(['admin', 'lead'], "change the champions' meeting dates");
  return programme;
}

async function saveCadence(ctx: TurnContext, programme: Programme, meeting: z.infer<typeof MeetingCadenceSchema>, action: string) {
  const checked = MeetingCadenceSchema.parse(meeting);
  await ctx.store.programmes.updateOne({}, { $set: { meeting: checked, updatedAt: ctx.now } });
  await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'meeting', entityId: ctx.store.workspaceId, action, before: programme.meeting ?? null, after: checked, source: ctx.source() });
}

const SET_PATTERN = /every\s+(\d{1,2})\s+weeks?\s+(?:from|starting)\s+(.+)$/i;

export async function setCadence(ctx: TurnContext, rest: string): Promise<string> {
  const subgroup = await setSubgroupCadence(ctx, rest);
  if (subgroup) return subgroup;
  const programme = requireMeetingRole(ctx);
  const match = SET_PATTERN.exec(rest.trim());
  const example = 'e.g. `meeting set every 6 weeks from 14 Jan 10:00`';
  if (!match) throw new ValidationError('bad_cadence', `Say how often and from when, ${example}.`);
  const everyWeeks = Number(match[1]);
  if (everyWeeks < 1 || everyWeeks > 26) throw new ValidationError('bad_cadence', `Meetings can be every 1 to 26 weeks, ${example}.`);
  const start = parseLocalDate(match[2]!, ctx.now, programme.timeZone);
  if (!start) throw new ValidationError('bad_cadence', `I couldn't read the first meeting's date, ${example}.`);
  const meeting = { anchorDate: start.date, anchorTime: start.time ?? '10:00', everyWeeks, overrides: [] };
  await saveCadence(ctx, programme, meeting, 'set_cadence');
  const next = nextMeeting({ ...meeting, timeZone: programme.timeZone }, ctx.now);
  const lines = [
    `Champions' meetings: every ${everyWeeks} weeks from ${describeDay(start.date)} at ${meeting.anchorTime}.` +
      (start.time ? '' : ' (No time given, so 10:00 — say e.g. "14 Jan 14:00" to change it.)'),
    // Said, so a cadence set from a day gone by (or over an old one) never moves the next meeting silently.
    ...(next ? [`The next meeting is ${describeWhen(next.at, programme.timeZone)}; its digest goes out before it.`] : []),
    ...(programme.meeting ? [`This replaces every ${programme.meeting.everyWeeks} weeks from ${describeDay(programme.meeting.anchorDate)}${(programme.meeting.overrides ?? []).length > 0 ? ', with its moved and skipped meetings' : ''}.`] : []),
  ];
  return lines.join('\n');
}

const MOVE_PATTERN = /^(?:the\s+)?(.+?)\s+(?:meeting\s+)?to\s+(.+)$/i;

export async function moveMeeting(ctx: TurnContext, rest: string): Promise<string> {
  const programme = requireMeetingRole(ctx);
  const cadence = requireCadence(programme);
  const match = MOVE_PATTERN.exec(rest.replace(/\bmeeting\b/i, ' ').replace(/\s+/g, ' ').trim());
  const example = 'e.g. `move the 14 Jan meeting to 16 Jan`';
  if (!match) throw new ValidationError('bad_move', `Say which meeting and its new date, ${example}.`);
  const from = parseLocalDate(match[1]!, ctx.now, programme.timeZone);
  const to = parseLocalDate(match[2]!, ctx.now, programme.timeZone);
  if (!from || !to) throw new ValidationError('bad_move', `I couldn't read both dates, ${example}.`);
  const occurrence = occurrenceOn(cadence, from.date);
  if (!occurrence) throw new ValidationError('no_such_meeting', `There is no champions' meeting on ${describeDay(from.date)}. Type \`meeting next\` to see the dates.`);
  refusePastDay(ctx, programme.timeZone, match[2]!, to.date);
  const clash = meetingOnDay(cadence, to.date);
  if (clash && clash.scheduledDate !== occurrence.scheduledDate) {
    throw new ValidationError('meeting_clash', `There is already a champions' meeting on ${describeDay(to.date)}. Pick another day, or skip one of them with \`meeting skip ${describeDay(to.date)}\`.`);
  }
  const overrides = [...(cadence.overrides ?? []).filter((o) => o.from !== occurrence.scheduledDate), { from: occurrence.scheduledDate, to: to.date }];
  await saveCadence(ctx, programme, { ...programme.meeting!, overrides }, 'move_meeting');
  return `Moved: the ${describeDay(occurrence.localDate)} meeting is now on ${describeDay(to.date)}. The cadence carries on as before, and its digest moves with it.`;
}

/**
 * Refuses a new date that has passed. Dates are read forwards ("1 Dec" is the next 1 December), so
 * a day just gone would otherwise land a year ahead without a word: read it as the nearest such day
 * as well, and if that has passed, say so rather than guess.
 */
function refusePastDay(ctx: TurnContext, timeZone: string, said: string, forward: string): void {
  const today = localToday(ctx);
  const nearest = parseLocalDate(said, ctx.now, timeZone, { nearest: true })?.date ?? forward;
  const meant = forward < today ? forward : nearest;
  if (meant >= today) return;
  const instead = forward > today && forward !== meant ? ` If you meant ${describeDay(forward)}, say it with the year.` : '';
  throw new ValidationError('meeting_in_past', `${describeDay(meant)} has passed: a meeting can only move to today or a later day.${instead}`);
}

export async function skipMeeting(ctx: TurnContext, rest: string): Promise<string> {
  const programme = requireMeetingRole(ctx);
  const cadence = requireCadence(programme);
  const day = parseLocalDate(rest, ctx.now, programme.timeZone);
  if (!day) throw new ValidationError('bad_skip', 'Say which meeting to skip, e.g. `meeting skip 14 Jan`.');
  const occurrence = occurrenceOn(cadence, day.date);
  if (!occurrence) throw new ValidationError('no_such_meeting', `There is no champions' meeting on ${describeDay(day.date)}. Type \`meeting next\` to see the dates.`);
  const overrides = [...(cadence.overrides ?? []).filter((o) => o.from !== occurrence.scheduledDate), { from: occurrence.scheduledDate, to: null }];
  await saveCadence(ctx, programme, { ...programme.meeting!, overrides }, 'skip_meeting');
  return `Skipped the ${describeDay(occurrence.localDate)} meeting; no digest will go out for it. The next ones keep their dates.`;
}

const DIGEST_PATTERN = /(\d)\s+(?:working\s+)?days?\s+before(?:\s+at)?\s+(\d{1,2})[:.](\d{2})/i;

export async function setDigestTiming(ctx: TurnContext, rest: string): Promise<string> {
  const programme = requireMeetingRole(ctx);
  const match = DIGEST_PATTERN.exec(rest);
  if (!match) throw new ValidationError('bad_digest_time', 'Say when, e.g. `meeting digest 2 working days before at 09:00`.');
  const digest = { workingDaysBefore: Number(match[1]), time: `${match[2]!.padStart(2, '0')}:${match[3]}` };
  await ctx.store.programmes.updateOne({}, { $set: { digest, updatedAt: ctx.now } });
  await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'programme', entityId: ctx.store.workspaceId, action: 'digest_timing', before: programme.digest ?? null, after: digest, source: ctx.source() });
  return `The digest will go out ${digest.workingDaysBefore} working day${digest.workingDaysBefore === 1 ? '' : 's'} before each meeting at ${digest.time}.`;
}
