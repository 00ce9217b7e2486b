import { expect } from 'vitest';
import type { Card } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';
import { firstCard, MEMBER, type TestBot, type TestUser } from '../helpers/test-bot.js';

/** How many cases, audit entries and open or closed questions the workspace holds. */
export async function counts(bot: TestBot, workspaceId = 'T-TEST') {
  const n = (name: string) => bot.db.collection(name).countDocuments({ workspaceId });
  return { cases: await n('cases'), audit: await n('audit'), pending: await n('pending_actions') };
}

/** The id a confirmation card's buttons carry. */
export function pendingOf(replies: Reply[]): string {
  const card = firstCard(replies);
  const id = card.buttons?.find((b) => b.id === 'confirm')?.action.data?.pending;
  if (typeof id !== 'string') throw new Error(`expected a confirmation card, got ${card.title}`);
  return id;
}

/** Each record section of a confirmation card as label -> value. */
export function cardRows(card: Card): Record<string, string>[] {
  return (card.sections ?? [])
    .filter((s) => s.facts)
    .map((s) => Object.fromEntries(s.facts!.map((f) => [f.label, f.value])));
}

/** Says a milestone sentence and presses Confirm; returns the reply to Confirm. */
export async function recordAndConfirm(bot: TestBot, sentence: string, user: TestUser = MEMBER) {
  const asked = await bot.say(user, sentence);
  return bot.act(user, 'milestone.confirm', { pending: pendingOf(asked) });
}

/** The stored milestones of a case, or null. */
export async function milestonesOf(bot: TestBot, caseRef: string, workspaceId = 'T-TEST') {
  const found = await bot.db.collection('cases').findOne({ workspaceId, caseRef });
  return (
    (found?.milestones as Record<string, { actual?: string; planned?: string }> | undefined) ?? null
  );
}

/** Fails unless nothing anywhere in the workspace's data contains the text. */
export async function expectNowhere(bot: TestBot, needle: string) {
  for (const { name } of await bot.db.listCollections().toArray()) {
    const docs = await bot.db.collection(name).find({}).toArray();
    expect(JSON.stringify(docs).toLowerCase(), `${needle} in ${name}`).not.toContain(
      needle.toLowerCase(),
    );
  }
}
