import { describe, expect, it } from 'vitest';
import { valueWithUnit } from '../../src/programme/measures/value-with-unit.js';

describe('a value with its unit', () => {
  it('says one week, not "1 weeks", and keeps other units and amounts as they are', () => {
    expect(valueWithUnit(1, 'weeks')).toBe('1 week');
    expect(valueWithUnit(1, 'days')).toBe('1 day');
    expect(valueWithUnit(1.04, 'weeks')).toBe('1 week'); // shown to one decimal place as 1
    expect(valueWithUnit(1.5, 'weeks')).toBe('1.5 weeks');
    expect(valueWithUnit(22, 'weeks')).toBe('22 weeks');
    expect(valueWithUnit(64, '%')).toBe('64%');
  });
});
