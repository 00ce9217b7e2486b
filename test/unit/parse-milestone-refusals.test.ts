import { describe, expect, it } from 'vitest';
import {
  type ParseMilestoneResult,
  parseMilestoneStatement,
} from '../../src/domain/parse-milestone.js';

const TODAY = '2026-11-19';

function refusal(text: string, options: Parameters<typeof parseMilestoneStatement>[1] = {}) {
  const result: ParseMilestoneResult = parseMilestoneStatement(text, { today: TODAY, ...options });
  if (result.ok) throw new Error(`${text} was accepted`);
  return result;
}

describe('each refusal says what was wrong and shows how to say it right', () => {
  it('no_case_reference asks for the reference, never the name, with an example', () => {
    const { error, message } = refusal('Jamie was accommodated yesterday');
    expect(error).toBe('no_case_reference');
    expect(message).toMatch(/case reference/);
    expect(message).toMatch(/never their name/);
    expect(message).toContain('“C1042 accommodated 3 Oct”');
  });

  it('no_milestone lists the catalogue’s milestones', () => {
    const { error, message } = refusal('C1042 had a lovely day at school');
    expect(error).toBe('no_milestone');
    expect(message).toContain('C1042');
    expect(message).toContain('First LAC review');
    expect(message).toContain('CSO review');
    // Ten reviews would bury the list on a phone: the later ones are said like the second.
    expect(message).toContain('Second LAC review (and later ones), Legal advice');
    expect(message).not.toMatch(/Third LAC review|Tenth LAC review/);
  });

  it('no_date shows the date forms, and names a vague date it could not use', () => {
    const plain = refusal('C1042 accommodated');
    expect(plain.error).toBe('no_date');
    expect(plain.message).toContain('“C1042 accommodated 03/10/2026”');
    const vague = refusal('C1042 accommodated last month');
    expect(vague.error).toBe('no_date');
    expect(vague.message).toContain('“last month” isn’t precise enough');
    expect(refusal('C1042 accommodated at 10am').error).toBe('no_date');
  });

  it('keeps a milestone’s capitals mid-sentence', () => {
    expect(refusal('C1042 2nd lac review').message).toContain('I understood C1042 — second LAC review,');
    expect(refusal("C1042 children's hearing").message).toContain("C1042 — Children's Hearing,");
  });

  it.each([
    'C1042 accommodated 31/02/2026',
    'C1042 accommodated 31 April',
    'C1042 accommodated 30 Feb',
    'C1042 accommodated 31/04',
    'C1042 accommodated 0/10/2026',
    'C1042 accommodated 2026-13-01',
    // Month first, US style: there is no month 14.
    'C1042 accommodated 10/14/2026',
  ])('invalid_date for %s, quoting the date and the day-first order', (text) => {
    const { error, message } = refusal(text);
    expect(error).toBe('invalid_date');
    expect(message).toMatch(/isn’t a real date/);
    expect(message).toMatch(/day then month/);
  });

  it('future_date names the day and suggests saying it is booked', () => {
    const { error, message } = refusal('C1042 accommodated next Thursday');
    expect(error).toBe('future_date');
    expect(message).toContain('Thursday 26 November 2026 is in the future');
    expect(message).toContain('“C1042 accommodated booked for 26 Nov”');
  });

  it('implausible_date for a date beyond the years allowed, either way', () => {
    const old = refusal('C1042 accommodated 3/10/2001');
    expect(old.error).toBe('implausible_date');
    expect(old.message).toContain('more than 18 years ago');
    expect(refusal('C1042 accommodated 18/11/2008').error).toBe('implausible_date');
    expect(refusal('C1042 accommodated 3/10/2020', { maxYearsBack: 5 }).error).toBe(
      'implausible_date',
    );
    const ahead = refusal('C1042 panel booked for 12/12/2030');
    expect(ahead.error).toBe('implausible_date');
    expect(ahead.message).toContain('more than 2 years ahead');
  });

  it('accepts a date exactly at the limit', () => {
    expect(parseMilestoneStatement('C1042 accommodated 19/11/2008', { today: TODAY }).ok).toBe(
      true,
    );
  });

  it('ambiguous when dates and milestones cannot be paired', () => {
    const { error, message } = refusal('C1042 accommodated 3 Oct, not 5 Oct');
    expect(error).toBe('ambiguous');
    expect(message).toContain('1 milestone and 2 dates');
  });
});

describe('when several things are wrong, the first in the documented order wins', () => {
  it.each([
    ['Jamie had a lovely day', 'no_case_reference'],
    ['Jamie accommodated 31/02/2026', 'no_case_reference'],
    ['C1042 lovely day 31/02/2026', 'no_milestone'],
    ['C1042 lovely day next Thursday', 'no_milestone'],
    ['C1042 accommodated 31/02/2026 or next Thursday', 'invalid_date'],
    ['C1042 accommodated 3/10/2001 and LAC review next Thursday', 'future_date'],
  ])('%s -> %s', (text, error) => {
    expect(refusal(text).error).toBe(error);
  });
});

describe('a possible name is never echoed', () => {
  const names = ['Jamie', 'Kayleigh', 'Mohammed', 'Siobhan', 'Smith'];

  it.each([
    'Jamie Smith was accommodated yesterday',
    'Kayleigh had her LAC review on 14/10',
    'Mohammed accommodated 31/02/2026',
    'C1042 (Siobhan) had a lovely day',
    'C1042 Siobhan accommodated',
    'C1042 Siobhan accommodated 31/02/2026',
    'C1042 Siobhan accommodated next Thursday',
    'C1042 Siobhan accommodated 3/10/2001',
    'C1042 Jamie accommodated 3 Oct, not 5 Oct',
  ])('%s', (text) => {
    const { message } = refusal(text);
    for (const name of names) expect(message).not.toContain(name);
  });

  it('uses the area’s example reference with its own pattern, not a word from the message', () => {
    const { message } = refusal('Jamie accommodated yesterday', {
      caseRefPattern: '^[A-Z]{2}-\\d{4}$',
      caseRefExample: 'AB-1234',
    });
    expect(message).toContain('“AB-1234 accommodated 3 Oct”');
    expect(message).not.toContain('Jamie');
  });
});
