import { describe, expect, it } from 'vitest';
import { LEAD, replyText } from '../helpers/test-bot.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A phone check: a lead typing `leave <group>` (help's example) silently stopped being its lead,
// leaving the group with none; `join` welcomed the lead as if new.
const bot = useProgrammeBot();
const group = () => bot().db.collection('groups').findOne({ key: 'permanence-milestones' });

describe('a lead and their own group', () => {
  it('`leave` does not take the lead role away: it says an admin changes leads', async () => {
    const said = replyText(await bot().say(LEAD, 'leave permanence-milestones'));
    expect(said).toMatch(/You lead \*Permanence milestones\*: an admin changes who leads it \(`group permanence-milestones remove lead <name>`\)/);
    expect((await group())!.leads).toContain(LEAD.id);
  });

  it('`join` says they already lead it', async () => {
    expect(replyText(await bot().say(LEAD, 'join permanence-milestones'))).toMatch(/You already lead \*Permanence milestones\*\./);
  });
});
