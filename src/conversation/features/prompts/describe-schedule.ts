import { DateTime } from 'luxon';
import type { PromptSchedule } from '../../../store/schemas/prompt.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';

/** "every 2 weeks from Mon 7 Dec 2026 at 09:00", "2 days before each sub-group meeting at …". */
export function describeSchedule(schedule: PromptSchedule, timeZone: string): string {
  if (schedule.kind === 'once') return `on ${describeWhen(schedule.at, timeZone)}`;
  if (schedule.kind === 'before_meeting') {
    const days = `${schedule.daysBefore} day${schedule.daysBefore === 1 ? '' : 's'}`;
    return `${days} before each sub-group meeting at ${schedule.time}`;
  }
  const every = schedule.everyWeeks === 1 ? 'every week' : `every ${schedule.everyWeeks} weeks`;
  const from = DateTime.fromISO(schedule.startDate).toFormat('ccc d LLL yyyy');
  return `${every} from ${from} at ${schedule.time}`;
}
