import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, COACH, type TestBot, createTestBot, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { pressButton } from '../helpers/press-button.js';

// An admin who imported a tracker did data support: the imported children are not theirs to hand
// over when they leave. Only the cases they recorded a date for, and did not take back, are.
const TRACKER = {
  name: 'tracker.csv',
  data: Buffer.from('Case ref,Accommodated\nN3001,03/02/2025\nN3002,04/02/2025\n', 'utf8'),
};

let bot: TestBot;

const press = (card: Card, id: string) => pressButton(bot, COACH, card, id);

beforeAll(async () => {
  bot = await createTestBot({ now: '2026-11-19T10:00:00Z' });
  await bot.say(ADMIN, 'setup programme "Leaving PACE"');
  await bot.say(COACH, 'hello');
  await bot.say(ADMIN, `admin add ${COACH.name}`);
  await press(firstCard(await bot.send(COACH, [TRACKER])), 'confirm');
  // One child Cora records herself; one she records and takes back, which Alex then records.
  await recordAndConfirm(bot, 'N3003 accommodated 05/02/2025', COACH);
  await recordAndConfirm(bot, 'N3004 accommodated 06/02/2025', COACH);
  await press(firstCard(await bot.say(COACH, 'case N3004 undo')), 'undo');
  await recordAndConfirm(bot, 'N3004 accommodated 07/02/2025', ADMIN);
});
afterAll(() => bot?.drop());

describe('removing the admin who ran an import', () => {
  it('counts only the case they recorded and kept, not the imported ones or one they took back', async () => {
    const said = replyText(await bot.say(ADMIN, `person remove "${COACH.name}"`));
    expect(said).toMatch(/Cora Coach still holds 1 open case and 0 open tests of change/);
  });

  it('the hand-over moves only that case', async () => {
    await bot.say(ADMIN, 'person add "Sam Lee"');
    const asked = firstCard(await bot.say(ADMIN, `hand over "${COACH.name}" to "Sam Lee"`));
    expect(replyText([{ kind: 'card', card: asked }])).toMatch(/Open cases: 1\b/);
    const go = asked.buttons!.find((b) => b.id === 'handover')!.action;
    await bot.act(ADMIN, go.verb, go.data!);
    const held = await bot.db.collection('cases').find({ workspaceId: 'T-TEST', ownerId: { $exists: true } }).toArray();
    expect(held.map((c) => c.caseRef)).toEqual(['N3003']);
  });
});
