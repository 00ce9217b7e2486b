import type { Notifier } from '../../src/notify.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { LEAD, MEMBER, createTestBot, type TestBot } from '../helpers/test-bot.js';
import { NOTICES_WS, dmTo, record, setUpProgramme, shown } from './notices-fixture.js';
import { fakeSlackNotifier } from './slack-notifier-fixture.js';

/** Monday n weeks after Mon 5 Jan 2026, as a milestone sentence reads it ("12 Jan 2026"). */
export function mondayAfter(weeks: number): string {
  const day = new Date(Date.UTC(2026, 0, 5 + weeks * 7));
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** How many of the lead's direct messages name each reference. */
export function timesTold(fake: FakeSlackApi, wanted: readonly string[]): Record<string, number> {
  const messages = dmTo(fake, LEAD).map((call) => shown([call]));
  return Object.fromEntries(wanted.map((ref) => [ref, messages.filter((m) => new RegExp(`\\b${ref}\\b`).test(m)).length]));
}

/** Each reference told once, as timesTold should find it. */
export const once = (refs: readonly string[]) => Object.fromEntries(refs.map((ref) => [ref, 1]));

/** An area for drift alerts: the notices programme, these children accommodated a week apart (the first waiting longest), and Slack. */
export async function driftArea(refs: readonly string[]): Promise<{ bot: TestBot; fake: FakeSlackApi; slack: Notifier }> {
  const bot = await createTestBot({ workspaceId: NOTICES_WS });
  await setUpProgramme(bot, '2026-10-01T10:00:00Z');
  for (const [i, ref] of refs.entries()) await record(bot, MEMBER, `${ref} accommodated ${mondayAfter(i)}`);
  const fake = await FakeSlackApi.start();
  return { bot, fake, slack: fakeSlackNotifier(fake, bot.db) };
}
