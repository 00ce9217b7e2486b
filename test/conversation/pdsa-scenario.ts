import { afterAll, beforeAll, expect } from 'vitest';
import type { FormValues } from '../../cards/model.js';
import {
  ADMIN,
  COACH,
  createTestBot,
  firstCard,
  LEAD,
  MEMBER,
  replyText,
  type TestBot,
  type TestUser,
} from '../helpers/test-bot.js';

/** A second member who is in no group and holds no role. */
export const OUTSIDER: TestUser = { id: 'U-OUT', name: 'Olu Outsider' };

/**
 * The PDSA scenarios' common start: a programme, two aim groups, a lead and a coach, and a member
 * who joined "Permanence milestones". The admin speaks first, so becomes admin.
 */
export async function setUpProgramme(bot: TestBot): Promise<void> {
  await bot.say(ADMIN, 'setup programme "Northshire PACE"');
  for (const user of [LEAD, COACH, MEMBER, OUTSIDER]) await bot.say(user, 'whoami');
  await bot.say(
    ADMIN,
    'group add "Permanence milestones" aim "Reduce time from accommodation to permanence recommendation" target "28 weeks" by 2027-12-31',
  );
  await bot.say(ADMIN, 'group add "Legal processes"');
  await bot.say(ADMIN, 'group permanence-milestones lead Lee Lead');
  await bot.say(ADMIN, 'coach add Cora');
  expect(replyText(await bot.say(MEMBER, 'join permanence-milestones'))).toMatch(/Welcome/);
}

/** A bot over a fresh database with the programme set up, for one test file; dropped after it. */
export function useProgrammeBot(options: { now?: string } = {}): () => TestBot {
  let bot: TestBot | undefined;
  beforeAll(async () => {
    bot = await createTestBot(options);
    await setUpProgramme(bot);
  });
  afterAll(async () => {
    await bot?.drop();
  });
  return () => bot!;
}

/** A complete Plan form as the member would submit it. */
export function planValues(overrides: FormValues = {}): FormValues {
  return {
    title: 'Set agenda at 72-hour meetings, Team A',
    changeIdea: 'agenda-72-hour-meeting',
    groupKey: 'permanence-milestones',
    ownerId: MEMBER.id,
    objective: 'See whether chairs use the set agenda',
    questions: 'Will chairs use it? Does it cover parallel planning?',
    prediction: 'At least 4 of the next 5 meetings will use the agenda',
    who: 'Team A chairs',
    when: 'Next two weeks',
    dataToCollect: 'Agenda used yes/no per meeting',
    linkedMeasures: 'accommodated-to-permanence-recommendation',
    ...overrides,
  };
}

/** Submits the Plan form and returns the new cycle's number, read from the "saved" card. */
export async function planCycle(
  bot: TestBot,
  user: TestUser = MEMBER,
  values: FormValues = planValues(),
  data: Record<string, number> = {},
): Promise<number> {
  const saved = firstCard(await bot.act(user, 'pdsa.plan.save', data, values));
  const match = /^T-(\d+) saved$/.exec(saved.title);
  if (!match) throw new Error(`expected a saved card, got ${saved.title}`);
  return Number(match[1]);
}

export const DO_VALUES: FormValues = {
  carriedOutOn: '2026-11-12',
  whatHappened: 'Used at 3 of 5 meetings',
  problems: 'Two chairs had not seen it',
};
export const STUDY_VALUES: FormValues = {
  resultsVsPrediction: '3 of 5, not the 4 we predicted',
  learned: 'Send the agenda with the invitation',
};

/** Records Do, Study and Act with the given decision. */
export async function completeCycle(
  bot: TestBot,
  number: number,
  decision: string,
  user: TestUser = MEMBER,
) {
  await bot.act(user, 'pdsa.do.save', { number }, DO_VALUES);
  await bot.act(user, 'pdsa.study.save', { number }, STUDY_VALUES);
  return bot.act(
    user,
    'pdsa.act.save',
    { number },
    { decision, nextCycle: 'Send it with invitations, all teams' },
  );
}
