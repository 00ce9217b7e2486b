import { DateTime } from 'luxon';
import { ValidationError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { describeWhen } from '../meetings/describe-meeting.js';
import { parseLocalDate } from '../meetings/parse-local-date.js';

const FOR = /^(?:for\s+)?(\d{1,3}|a|one)\s+(day|week)s?$/i;

async function holdUntil(ctx: TurnContext, until: Date | null, action: string): Promise<void> {
  await ctx.store.members.updateOne({ userId: ctx.turn.user.id }, { $set: { awayUntil: until } });
  await ctx.store.recordAudit({ actor: ctx.actor(), entity: 'member', entityId: ctx.turn.user.id, action, before: { awayUntil: ctx.member.awayUntil ?? null }, after: { awayUntil: until }, source: ctx.source() });
}

function zone(ctx: TurnContext): string {
  return ctx.programme?.timeZone ?? 'Europe/London';
}

/** "3 days", "a week", "until 12 Apr" → when reminders start again (the start of that local day). */
function readUntil(ctx: TurnContext, said: string, fallbackDays: number): Date {
  const words = said.trim().replace(/\s+/g, ' ');
  if (!words) return DateTime.fromJSDate(ctx.now).plus({ days: fallbackDays }).toJSDate();
  const span = FOR.exec(words);
  if (span) {
    const count = /^\d+$/.test(span[1]!) ? Number(span[1]) : 1;
    return DateTime.fromJSDate(ctx.now).plus(span[2]!.toLowerCase() === 'week' ? { weeks: count } : { days: count }).toJSDate();
  }
  const day = parseLocalDate(words.replace(/^until\s+/i, ''), ctx.now, zone(ctx));
  if (!day) throw new ValidationError('bad_away', 'Say until when, e.g. `away until 12 Apr`, or for how long, e.g. `snooze 3 days`.');
  const until = DateTime.fromISO(day.date, { zone: zone(ctx) }).startOf('day').toJSDate();
  if (until <= ctx.now) throw new ValidationError('bad_away', 'That date has passed. Say a day to come.');
  return until;
}

/** `away until <date>` / `away 2 weeks`: no reminders until then. */
export async function setAway(ctx: TurnContext, said: string): Promise<string> {
  if (!said.trim()) throw new ValidationError('bad_away', 'Until when? e.g. `away until 12 Apr` or `away 2 weeks`.');
  const until = readUntil(ctx, said, 0);
  await holdUntil(ctx, until, 'away');
  return `Away until ${describeWhen(until, zone(ctx))}: no reminders from me until then. Type \`back\` if you return sooner.`;
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
  const state = until && until > ctx.now ? `held until ${describeWhen(until, zone(ctx))} (\`back\` to restart them)` : 'on';
  return [
    `Your reminders are ${state}. At most once a week, on a working morning, I remind you of:`,
    '- your tests of change carried out two weeks ago or more and not yet studied;',
    "- as a group's lead, planned milestone dates that passed with no date recorded.",
    '`snooze`, `snooze 3 days` or `away until 12 Apr` holds them.',
  ].join('\n');
}
