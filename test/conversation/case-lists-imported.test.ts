import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/model.js';
import { ADMIN, LEAD, MEMBER, type TestBot, type TestUser, firstCard, replyText } from '../helpers/test-bot.js';
import { recordAndConfirm } from './milestones-helpers.js';
import { startPermanenceBot } from './case-lists-seed.js';
import { pressButton } from '../helpers/press-button.js';

// An admin who imports a tracker does data support: the children are not theirs. Lists say
// "imported" for a case whose dates all came from an import, and name only people who recorded.
const TRACKER = {
  name: 'tracker.csv',
  data: Buffer.from(
    'Case ref,Accommodated,First LAC review\nN3001,03/02/2025,\nN3002,04/02/2025,\nN3003,05/02/2025,\nN3004,06/02/2025,\nN3006,07/02/2025,23/02/2025\n',
    'utf8',
  ),
};
// A second import that only starts N3005, taken back later.
const SECOND = { name: 'second.csv', data: Buffer.from('Case ref,Accommodated\nN3005,08/02/2025\n', 'utf8') };

let bot: TestBot;

const press = (user: TestUser, card: Card, id: string) => pressButton(bot, user, card, id);

beforeAll(async () => {
  bot = await startPermanenceBot('Imported PACE');
  // N3006: a worker recorded it before the import added a date: it stays theirs.
  await recordAndConfirm(bot, 'N3006 accommodated 07/02/2025');
  await press(ADMIN, firstCard(await bot.send(ADMIN, [TRACKER])), 'confirm');
  // N3002: a worker records the next date after the import: they hold it now.
  await recordAndConfirm(bot, 'N3002 first LAC review 20/02/2025');
  // N3003: a worker records a date and takes it back: its dates are the import's again.
  await recordAndConfirm(bot, 'N3003 first LAC review 21/02/2025');
  await press(MEMBER, firstCard(await bot.say(MEMBER, 'case N3003 undo')), 'undo');
  // N3004: the importing admin records a date of their own: then it is theirs.
  await recordAndConfirm(bot, 'N3004 first LAC review 22/02/2025', ADMIN);
});
afterAll(() => bot?.drop());

describe('imported cases are not held by whoever imported them', () => {
  it('overdue: "imported" for import-only dates, else the person who recorded', async () => {
    const overdue = replyText(await bot.say(LEAD, 'overdue'));
    expect(overdue).toContain('- N3001: 93 weeks 3 days (imported)');
    expect(overdue).toContain(`- N3002: 93 weeks 2 days (${MEMBER.name})`);
    expect(overdue).toContain('- N3003: 93 weeks 1 day (imported)');
    expect(overdue).toContain(`- N3004: 93 weeks (${ADMIN.name})`);
    expect(overdue).toContain(`- N3006: 92 weeks 6 days (${MEMBER.name})`);
  });

  it('waiting at a stage: the same', async () => {
    const waiting = replyText(await bot.say(LEAD, 'waiting at accommodated'));
    expect(waiting).toContain('- N3001: 93 weeks 3 days (imported)');
    expect(waiting).toContain('- N3003: 93 weeks 1 day (imported)');
    expect(waiting).not.toContain(ADMIN.name);
  });

  it('my cases: the importer holds only what they recorded themselves; a worker what they recorded and kept', async () => {
    const admins = replyText(await bot.say(ADMIN, 'my cases'));
    expect(admins).toMatch(/Your cases\* \(1\)/);
    expect(admins).toContain('- N3004:');
    expect(admins).not.toMatch(/N300[123]/);
    const workers = replyText(await bot.say(MEMBER, 'my cases'));
    expect(workers).toMatch(/Your cases\* \(2\)/);
    expect(workers).toContain('- N3002:');
    expect(workers).toContain('- N3006:');
    expect(workers).not.toMatch(/N300[134]/);
  });

  it('the case card: an import as the last change, without a person', async () => {
    const card = firstCard(await bot.say(LEAD, 'case N3001'));
    expect(card.facts).toEqual([{ label: 'Last change', value: 'imported (import #1), 19 Nov 2026 10:00' }]);
  });

  it('the case card: an import taken back, without a person', async () => {
    await press(ADMIN, firstCard(await bot.send(ADMIN, [SECOND])), 'confirm');
    await press(ADMIN, firstCard(await bot.say(ADMIN, 'import undo 2')), 'Undo import #2');
    const card = firstCard(await bot.say(LEAD, 'case N3005'));
    expect(card.facts).toEqual([{ label: 'Last change', value: 'import #2 undone, 19 Nov 2026 10:00' }]);
  });
});
