import { describe, expect, it } from 'vitest';
import { ADMIN, replyText } from '../helpers/test-bot.js';
import { useProgrammeBot } from './pdsa-scenario.js';

/**
 * The set-up checklist's lead step is done only when every aim group has a lead: the scenario's
 * Permanence milestones has Lee Lead, Legal processes has no one.
 */
const bot = useProgrammeBot();
const leadLine = async () => replyText(await bot().say(ADMIN, 'help')).split('\n').find((l) => /Make someone a lead/.test(l)) ?? '';

describe('the checklist’s "Make someone a lead" step', () => {
  it('is not ticked while a group has no lead, and names that group and how to give it one', async () => {
    const line = await leadLine();
    expect(line).toMatch(/^○ /);
    expect(line).toMatch(/Legal processes has no lead yet/);
    expect(line).not.toMatch(/Permanence milestones/);
    expect(line).toMatch(/`person add "<name>" as lead of legal-processes`/);
  });

  it('is ticked once every group has a lead', async () => {
    await bot().say(ADMIN, 'group legal-processes lead Lee Lead');
    const line = await leadLine();
    expect(line).toMatch(/^✓ Make someone a lead/);
    expect(line).not.toMatch(/no lead yet/);
  });
});
