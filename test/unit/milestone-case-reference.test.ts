import { describe, expect, it } from 'vitest';
import {
  compileCaseRefPattern,
  DEFAULT_CASE_REF_PATTERN,
  findCaseReferences,
  isCaseReference,
  uniqueCaseRefs,
} from '../../src/domain/case-reference.js';

const pattern = compileCaseRefPattern();

describe('the default case-reference pattern', () => {
  it('is one to three letters then 3 to 8 digits, joined by a separator areas use or by none', () => {
    expect(DEFAULT_CASE_REF_PATTERN).toBe('^[A-Za-z]{1,3}[-/_.]?\\d{3,8}$');
    for (const ok of ['C1042', 'c1042', 'AB123', 'XYZ12345678', 'NS-1042', 'SW/1042', 'AB_1042', 'AB.1042'])
      expect(isCaseReference(ok, pattern)).toBe(true);
    for (const no of ['C12', 'ABCD1234', 'C123456789', '1042', 'Jamie', '72hr', '3rd', 'NS--1042', 'NS 1042']) {
      expect(isCaseReference(no, pattern)).toBe(false);
    }
  });

  it('finds references with their offsets, upper-cased, and splits joined ones', () => {
    const text = 'for c1042, C1077 & C1100 (and C1042/C2000).';
    const found = findCaseReferences(text, pattern);
    expect(found.map((f) => f.ref)).toEqual(['C1042', 'C1077', 'C1100', 'C1042', 'C2000']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('c1042');
    expect(uniqueCaseRefs(found)).toEqual(['C1042', 'C1077', 'C1100', 'C2000']);
  });
});

describe('an area’s own pattern', () => {
  it('is anchored to whole tokens even when written without ^ and $', () => {
    const digits = compileCaseRefPattern('\\d{4}');
    expect(isCaseReference('1042', digits)).toBe(true);
    expect(isCaseReference('104277', digits)).toBe(false);
  });

  it('matches references with separators as one token', () => {
    const dashed = compileCaseRefPattern('^[A-Z]{2}-\\d{4}$');
    expect(findCaseReferences('ab-1234 and CD-5678', dashed).map((f) => f.ref)).toEqual([
      'AB-1234',
      'CD-5678',
    ]);
  });

  it('never takes a day or month word for a reference, however loose', () => {
    const loose = compileCaseRefPattern('[A-Za-z]+');
    for (const word of ['today', 'Yesterday', 'Monday', 'weds', 'Sept']) {
      expect(isCaseReference(word, loose)).toBe(false);
    }
    expect(isCaseReference('Smith', loose)).toBe(true);
  });
});
