import { DateTime } from 'luxon';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { parseLocalDate } from '../meetings/parse-local-date.js';

const FOR = /^(?:for\s+)?(\d{1,3}|a|one)\s+(day|week)s?$/i;
const HOW = 'e.g. `away until 12 Apr`, or for how long, e.g. `snooze 3 days`';

async function holdUntil(ctx: TurnContext, until: Date | null, action: string): Promise<void> {
  const userId = ctx.turn.user.id;
  await ctx.store.members.updateOne({ userId }, { $set: { awayUntil: until } });
  await ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'member',
    entityId: userId,
    action,
    before: { awayUntil: ctx.member.awayUntil ?? null },
    after: { awayUntil: until },
    source: ctx.source(),
  });
}

const zone = (ctx: TurnContext) => ctx.programme?.timeZone ?? 'Europe/London';

/** "3 days", "a week", "until 12 Apr" → when reminders start again (that local day's start). */
function readUntil(ctx: TurnContext, said: string, fallbackDays: number): Date {
  const words = said.trim().replace(/\s+/g, ' ');
  const now = DateTime.fromJSDate(ctx.now);
  if (!words) return now.plus({ days: fallbackDays }).toJSDate();
  const span = FOR.exec(words);
  if (span) {
    const count = /^\d+$/.test(span[1]!) ? Number(span[1]) : 1;
    const weeks = span[2]!.toLowerCase() === 'week';
    return now.plus(weeks ? { weeks: count } : { days: count }).toJSDate();
  }
  const day = parseLocalDate(words.replace(/^until\s+/i, ''), ctx.now, zone(ctx));
  if (!day) throw new ValidationError('bad_away', `Say until when, ${HOW}.`);
  const until = DateTime.fromISO(day.date, { zone: zone(ctx) }).startOf('day').toJSDate();
  if (until <= ctx.now) {
    throw new ValidationError('bad_away', 'That date has passed. Say a day to come.');
  }
  return until;
}

/** `away until <date>` / `away 2 weeks`: no reminders until then. */
export async function setAway(ctx: TurnContext, said: string): Promise<string> {
  if (!said.trim()) throw new ValidationError('bad_away', `Until when? ${HOW}.`);
  const until = readUntil(ctx, said, 0);
  await holdUntil(ctx, until, 'away');
  const when = describeWhen(until, zone(ctx));
  return `Away until ${when}: no reminders from me until then. Type \`back\` if you return sooner.`;
}

/** `snooze [3 days]` or the reminder's button: no reminders for a while (a week unless said). */
export async function snooze(ctx: TurnContext, said: string, days = 7): Promise<string> {
  const until = readUntil(ctx, said, days);
  await holdUntil(ctx, until, 'snooze');
  return `Snoozed: no reminders until ${describeWhen(until, zone(ctx))}.`;
}

/** `back`: reminders start again now. */
export async function setBack(ctx: TurnContext): Promise<string> {
  await holdUntil(ctx, null, 'back');
  return 'Welcome back: reminders are on again.';
}

/** `reminders`: whether they are on, and what they are about. */
export function reminderStatus(ctx: TurnContext): string {
  const until = ctx.member.awayUntil;
  const held = until && until > ctx.now;
  const state = held
    ? `held until ${describeWhen(until, zone(ctx))} (\`back\` restarts them)`
    : 'on';
  return [
    `Your reminders are ${state}. At most once a week, on a working morning, I remind you of:`,
    '- your tests of change carried out two weeks ago or more and not yet studied;',
    "- as a group's lead, planned milestone dates that passed with no date recorded.",
    '`snooze`, `snooze 3 days` or `away until 12 Apr` holds them.',
  ].join('\n');
}
