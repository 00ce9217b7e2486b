import { describe, expect, it } from 'vitest';
import { ADMIN, COACH, LEAD, replyText } from '../helpers/test-bot.js';
import { useProgrammeBot } from './pdsa-scenario.js';

// A DPO review: a group named "Legal C1042" was accepted, shown in the channel's digest, and kept
// after the child's erasure. Names, aims, ideas and measures go to channels: no reference in them.
const bot = useProgrammeBot();
const collectionText = async (name: string) => JSON.stringify(await bot().db.collection(name).find({}).toArray());

describe('text that goes to channels refuses a case reference, saying why, and keeps nothing', () => {
  it("a group's name or aim", async () => {
    const named = replyText(await bot().say(ADMIN, 'group add "Legal C1042" aim "Reduce waits" target "12 weeks" by December 2027'));
    expect(named).toMatch(/A group’s name is shown in channels and digests, and case references never go into a channel/);
    expect(named).not.toMatch(/C1042/);
    const aimed = replyText(await bot().say(ADMIN, 'group add "Legal" aim "Reduce C1042 waits" target "12 weeks" by December 2027'));
    expect(aimed).toMatch(/A group’s aim is shown in channels and digests/);
    expect(await collectionText('groups')).not.toMatch(/C1042|c1042/);
  });

  it('a change idea', async () => {
    const said = replyText(await bot().say(COACH, 'idea add "Checklist after C1042" aim all "A checklist"'));
    expect(said).toMatch(/A change idea is shown to everyone in the programme, channels included/);
    expect(await collectionText('change_ideas')).not.toMatch(/C1042|c1042/);
  });

  it("a measure's name", async () => {
    const said = replyText(await bot().say(LEAD, 'measure new "C1042 weeks" unit weeks better down monthly'));
    expect(said).toMatch(/A measure’s name is shown in channels and digests/);
    expect(await collectionText('measures')).not.toMatch(/C1042|c1042/);
  });

  it('a test of change\'s number is not a child', async () => {
    expect(replyText(await bot().say(ADMIN, 'group add "After T-12" aim "Keep what T-12 taught us"'))).not.toMatch(/case references/);
  });
});
