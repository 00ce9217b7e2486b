import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER, replyText } from '../helpers/test-bot.js';
import { everythingStored, namesKind } from '../helpers/planted-identifiers.js';
import { planCycle, useProgrammeBot } from './pdsa-scenario.js';

// The DPO review's texts, sent through the real turn as PDSA notes: each date of birth is refused
// with its kind and nothing of it is stored, while notes with a date that is no birth are kept.

const bot = useProgrammeBot();
let cycle: number;
beforeAll(async () => {
  cycle = await planCycle(bot());
});

const note = async (text: string) => replyText(await bot().say(MEMBER, `pdsa T-${cycle} note ${text}`));

/** Each refused text with the part of it that must never be stored. */
const REFUSED: [string, string][] = [
  ['Jamie Smith b. 3/4/2015', '3/4/2015'],
  ['Jamie Smith, 8yo, dob 3-Apr-2015', '3-Apr-2015'],
  ['DOB: 3-Apr-15', '3-Apr-15'],
  ['DOB 3/Apr/2015', '3/Apr/2015'],
  ['d/o/b 03/04/2015', '03/04/2015'],
  ['Born: 2015/04/03', '2015/04/03'],
  ['DOB 2015.04.03', '2015.04.03'],
  ['DOB 03 04 15', '03 04 15'],
  ['DOB 20150403', '20150403'],
  ['DOB 3rd April', '3rd April'],
];

const KEPT = ['panel on 17/04/2026', 'born in March', 'the baby was born prematurely', 'T-12 booked 3-Apr-2026', 'Dobson report due 3/4/2026'];

describe('a PDSA note holding a date of birth', () => {
  it.each(REFUSED)('refuses %j, naming the kind', async (text, value) => {
    const reply = await note(text);
    expect(reply).toContain(namesKind('date_of_birth'));
    expect(reply).not.toContain(value);
  });

  it.each(KEPT)('keeps %j, which is no date of birth', async (text) => {
    expect(await note(text)).toBe(`Note added to *T-${cycle}*.`);
  });

  it('stored none of the refused dates, and every kept note', async () => {
    const stored = await everythingStored(bot().db);
    for (const [, value] of REFUSED) expect(stored).not.toContain(value);
    for (const text of KEPT) expect(stored).toContain(text);
  });
});
