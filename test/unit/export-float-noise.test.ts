import { describe, expect, it } from 'vitest';
import { withoutFloatNoise } from '../../src/programme/export/excel-values.js';

describe('numbers written to an export', () => {
  it('drop binary floating-point noise and keep every real digit', () => {
    // As the try-out's Measures sheet showed it.
    const sum = 18.4 * 3;
    expect(String(sum)).toBe('55.199999999999996');
    expect(withoutFloatNoise(sum)).toBe(55.2);
    expect(withoutFloatNoise(12.345678)).toBe(12.345678);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(null)).toBeNull();
  });
});
