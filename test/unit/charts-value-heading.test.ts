import { describe, expect, it } from 'vitest';
import { valueHeading } from '../../src/charts/value-heading.js';

describe('a chart table’s value heading', () => {
  it('leaves the unit out where the measure’s name already says it', () => {
    expect(valueHeading('Weeks per child', 'weeks')).toBe('Weeks per child');
    expect(valueHeading('Median weeks per month', 'weeks')).toBe('Median weeks per month');
    expect(valueHeading('% within 2 weeks, by deadline month', '%')).toBe('% within 2 weeks, by deadline month');
  });

  it('adds it in brackets where the name does not, or only says it inside another word', () => {
    expect(valueHeading('Cases closed', 'children')).toBe('Cases closed (children)');
    expect(valueHeading('Daysheet entries', 'days')).toBe('Daysheet entries (days)');
    expect(valueHeading('Reviews on time', '%')).toBe('Reviews on time (%)');
    expect(valueHeading('Reviews on time', ' ')).toBe('Reviews on time');
  });
});
