import type { Prompt } from '../store/schemas/prompt.js';
import { addDays } from './dates.js';
import { demoPerson } from './demo-people.js';

export type DemoPrompt = Omit<Prompt, 'workspaceId' | '_id'>;

/**
 * The coach's prompts to two groups and two questions queued for the next digest, numbered P-1….
 * Callum asks what the groups are learning; the digest carries the questions to the meeting.
 */
export function demoPrompts(today: string, now: Date): DemoPrompt[] {
  const coach = { userId: 'demo-coach', name: demoPerson('demo-coach')!.name };
  const base = { createdBy: coach, status: 'active' as const, createdAt: now, updatedAt: now };
  return [
    {
      ...base,
      number: 1,
      kind: 'prompt',
      groupKey: 'permanence-milestones',
      text: 'What did your last PDSA teach you? Reply here with one thing you learned and what you will try next.',
      schedule: { kind: 'before_meeting', daysBefore: 2, time: '09:30' },
    },
    {
      ...base,
      number: 2,
      kind: 'prompt',
      groupKey: 'assessment',
      text: 'Which first reviews this month are at risk of missing two weeks, and what would help?',
      schedule: { kind: 'every', everyWeeks: 3, startDate: addDays(today, -14), time: '10:00' },
    },
    {
      ...base,
      number: 3,
      kind: 'question',
      groupKey: 'legal-processes',
      text: 'Some applications are still waiting more than 12 weeks after the ADM decision: what is holding them up?',
    },
    {
      ...base,
      number: 4,
      kind: 'question',
      groupKey: 'health',
      text: 'Which carers found the booking link hard to use, and how could we make it easier?',
    },
  ];
}
