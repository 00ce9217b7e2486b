import { describe, expect, it } from 'vitest';
import { compileCaseRefPattern } from '../../src/domain/case-reference.js';
import { resolvePoint } from '../../src/conversation/features/measures/resolve-point.js';

const points = [
  { period: '2025-03-03', value: 40, caseRef: 'NS-2012' },
  { period: '2025-06-23', value: 30, caseRef: 'NS-2013' },
];
const area = { caseRefPattern: compileCaseRefPattern('^NS-\\d{4}$'), example: 'NS-1042' };

describe('naming a point on a per-child chart', () => {
  it("reads the area's own references, separator and all, in any case", () => {
    expect(resolvePoint('NS-2013', points, area)).toEqual({ period: '2025-06-23', caseRef: 'NS-2013', label: 'NS-2013' });
    expect(resolvePoint('ns-2013', points, area)).toMatchObject({ caseRef: 'NS-2013' });
  });

  it('says a reference of the right shape is not on the chart', () => {
    expect(() => resolvePoint('NS-2999', points, area)).toThrow(/NS-2999 is not on this chart/);
  });

  it("gives the area's example, not C1042, when it cannot tell which point is meant", () => {
    expect(() => resolvePoint('the quick one', points, area)).toThrow(
      /Name a child \(NS-1042\), a month \(Mar 2025\) or a point number \(point 13\)\./,
    );
  });

  it('says a child back by date where references may not go', () => {
    expect(resolvePoint('point 2', points, { ...area, references: false }).label).toBe('point 2 (23 June 2025)');
  });
});
