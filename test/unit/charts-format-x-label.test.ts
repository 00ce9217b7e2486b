import { describe, expect, it } from 'vitest';
import { formatXLabel } from '../../src/charts/format-x-label.js';

/** Period labels as UK teams write them; the same answer every time it is asked (it is cached). */
describe('formatXLabel', () => {
  it('shows months and days in both styles, and anything else as given', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatXLabel('2025-10')).toBe('Oct 25');
      expect(formatXLabel('2025-10', 'long')).toBe('October 2025');
      expect(formatXLabel('2025-10-03')).toBe('3 Oct 25');
      expect(formatXLabel('2025-10-03', 'long')).toBe('3 October 2025');
      expect(formatXLabel('2025-13')).toBe('2025-13');
      expect(formatXLabel('C1042')).toBe('C1042');
    }
  });
});
