import { describe, expect, it } from 'vitest';
import { findIdentifier, type IdentifierKind } from '../../src/domain/identifiers/index.js';
import { nhsCheckDigitHolds } from '../../src/domain/identifiers/health-number.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const kindOf = (text: string) => findIdentifier(text, NOW)?.kind ?? null;

const FOUND: [IdentifierKind, string[]][] = [
  [
    'date_of_birth',
    [
      'DOB 17/04/2014',
      'dob: 2014-04-17',
      'D.O.B. 17-04-2014',
      'born 3.4.15',
      'date of birth: 3 April 2015',
      'Date of birth is 3rd of April 2015',
      'born on April 3, 2015',
      'born in March 2015',
      '17/04/2014 (DOB)',
      'born on a Tuesday, 3 April 2015, in Fife',
      // Introduced by the word, an adult's date counts too.
      'mum DOB 02/02/1990',
    ],
  ],
  ['chi_number', ['1704141234', 'CHI 170414 1234', 'chi 17 04 14 1234', 'CHI: 2902121234']],
  ['nhs_number', ['NHS 943 476 5919', '9434765919', 'nhs no. 943-476-5919']],
  ['postcode', ['EH1 1YZ', 'G12 8QQ', 'lives at eh1 1yz', 'SW1A 1AA', 'SW1A1AA', 'B2 3RD']],
  ['email', ['kayden.smith@example.org', 'write to <mailto:a.b@council.gov.uk|a.b@council.gov.uk>']],
  ['phone', ['07700 900123', '+44 7700 900123', '0131 496 0000', '(0131) 496 0000', '020 7946 0000', '07700900123', '+44 (0)131 496 0000']],
  [
    'person_name',
    [
      "Kayden Smith's foster carer",
      'placed with Kayden Smith',
      'Kayden Smith (child)',
      'foster carer Jane Brown',
      'his mum, Jane Brown, came',
      'moved to kinship carer Zebedee McDonald',
      "Kayden O'Neil-Smith, a boy of 7",
    ],
  ],
];

describe('findIdentifier: what it finds', () => {
  for (const [kind, texts] of FOUND) {
    it.each(texts)(`finds ${kind} in %j`, (text) => {
      expect(kindOf(text)).toBe(kind);
    });
  }

  it('is not fooled by invisible characters or full-width digits', () => {
    expect(kindOf('DOB 17/04/\u200b2014')).toBe('date_of_birth');
    expect(kindOf('０７７００ ９００１２３')).toBe('phone');
  });

  it('returns the kind only, never the value', () => {
    expect(findIdentifier('call 07700 900123', NOW)).toEqual({ kind: 'phone' });
  });
});

describe('findIdentifier: ordinary QI text it leaves alone', () => {
  it.each([
    'Permanence Panel',
    "Permanence Panel's decision came back",
    'LAC Review on Monday 3 March',
    'NHS Lothian',
    'T-12',
    'pdsa T-12 note ran it at two meetings',
    'C1042 accommodated 3 Oct',
    'C1042 and C1077 at panel on 17/04/2026',
    'the meeting is on 17/04/2014',
    'template use Oct 2026 64%',
    '87% within 26 weeks',
    'measure record template-use Oct 2026 64%',
    'scores 3 4 5 4 3 5 4 3 4 5',
    'values 12 14 15 13 12 and 1234567890',
    "Children's Hearing Scotland",
    'Getting It Right For Every Child',
    'Looked After Children review',
    'Team Around the Child',
    'Named Person for the child',
    'Independent Reviewing Officer',
    'Ada Lovelace and the team ran it',
    'the 2nd and 3rd meetings, wk1 2nd go',
    'unborn baby C1077 PLO 12 Oct 2026',
    'away until 20 Dec 2026',
    'meeting set every 6 weeks from 3 Dec 2026 10:00',
    'prompt legal-processes 2 days before each meeting at 09:00: What did you learn?',
    'Foster Mother Name',
    'Date of birth',
    'DOB',
    'Postcode',
    '<@U0123ABC> please review',
  ])('%j', (text) => {
    expect(kindOf(text)).toBeNull();
  });

  it('takes ten digits that are neither a birth date nor a valid NHS number for something else', () => {
    expect(nhsCheckDigitHolds('9434765919')).toBe(true);
    expect(nhsCheckDigitHolds('9434765918')).toBe(false);
    expect(kindOf('ref 9934765917')).toBeNull();
  });

  it('reads a date near "born" as a birth only when it makes a child of the age', () => {
    expect(kindOf('born, so the file says, on 3 April 2015')).toBe('date_of_birth');
    expect(kindOf('born, so the file says, on 3 April 1980')).toBeNull();
  });
});

// A DPO review found these dates of birth saved as PDSA notes. Each names a birth by a cue ("b.",
// "d/o/b", "dob:") or writes the date in a shape the guard did not read (3-Apr-15, 2015/04/03,
// 20150403, 03 04 15), or gives a birthday without its year after an explicit cue.
describe('findIdentifier: dates of birth as people write them', () => {
  it.each([
    'Jamie Smith b. 3/4/2015',
    'Jamie Smith, 8yo, dob 3-Apr-2015',
    'DOB: 3-Apr-15',
    'DOB 3/Apr/2015',
    'd/o/b 03/04/2015',
    'Born: 2015/04/03',
    'DOB 2015.04.03',
    'DOB 03 04 15',
    'DOB 20150403',
    'DOB 03042015',
    'DOB 3rd April',
    'DOB April 3rd',
    'DOB 030415',
    'dob-03/04/2015',
    'Jamie b.3/4/2015',
    'dob:3 Apr 2015',
    // Written month first (US style): 17 cannot be a month, so it is read as the day.
    'DOB 04/17/2014',
  ])('refuses %j', (text) => {
    expect(kindOf(text)).toBe('date_of_birth');
  });

  it.each(['Jamie Smith born 3/4/2015', 'DOB 03.04.2015', 'born 3rd April 2015', 'd.o.b 03/04/15'])(
    'still refuses %j',
    (text) => {
      expect(kindOf(text)).toBe('date_of_birth');
    },
  );

  it.each([
    'panel on 17/04/2026',
    'born in March',
    'the baby was born in March 3 weeks early',
    'C1042 accommodated 3 Oct',
    'the baby was born prematurely',
    'T-12 booked 3-Apr-2026',
    'Dobson report due 3/4/2026',
    'b. 3',
    'plan b. 3 May meeting',
    'plan b. 3 meetings then panel on 17/04/2026',
    // A review: "b." before a meeting's date, or a list's second item, is no birth.
    'plan b. 3/11/2026 panel',
    'a. book the panel b. 10/11/2026 review',
    'Option b. 3/4/2025 was the fallback',
  ])('still allows %j', (text) => {
    expect(kindOf(text)).toBeNull();
  });
});
