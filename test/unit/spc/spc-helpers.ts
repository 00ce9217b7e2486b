import { expect } from 'vitest';

/** docs/spc.md "Numbers": relative tolerance 1e-9, absolute 1e-12 near 0. */
export function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeTypeOf('number');
  const tolerance = Math.max(1e-12, Math.abs(expected) * 1e-9);
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

/** The spec prints figures to 6 decimals: agree to that. */
export function expectSixDecimals(actual: number | null | undefined, expected: number): void {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThan(5e-7);
}
