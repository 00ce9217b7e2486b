import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MilestoneRecordSchema,
  PARSE_ERROR_CODES,
  parseMilestoneStatement,
} from '../../src/domain/parse-milestone.js';

// A copy of /work/shared/fixtures/utterances.json, kept in the repo so CI on a clean clone has it.
const fixturePath = fileURLToPath(new URL('../fixtures/utterances.json', import.meta.url));

interface Fixture {
  today: string;
  cases: {
    text: string;
    expect:
      | { records: { caseRef: string; milestone: string; date: string; planned?: boolean }[] }
      | { error: string };
  }[];
}

const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Fixture;

describe('product owner utterances', () => {
  it('has cases to check', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixture.cases)('$text', ({ text, expect: expected }) => {
    const result = parseMilestoneStatement(text, { today: fixture.today });
    if ('error' in expected) {
      expect(result).toMatchObject({ ok: false, error: expected.error });
      expect(PARSE_ERROR_CODES).toContain(expected.error);
    } else {
      const records = expected.records.map((r) => ({ ...r, planned: r.planned ?? false }));
      // Records exactly; notes beside them (a name left out, a milestone left undated) may vary.
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && result.records).toEqual(records);
      expect(MilestoneRecordSchema.array().safeParse(result.ok && result.records).success).toBe(true);
    }
  });
});
