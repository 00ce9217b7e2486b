import { describe, expect, it } from 'vitest';
import { foldOtherValues } from '../../cards/form-values.js';
import { readBlockKitViewValues } from '../../cards/read-block-kit-view-values.js';
import { aimHeading } from '../../src/conversation/features/change-ideas/aims.js';
import { presentValues } from '../../src/conversation/form-errors.js';
import { canonicalWords } from '../../src/domain/milestone-parsing/canonical-words.js';
import { milestoneNoun } from '../../src/programme/cases/day-format.js';
import { catalogueOf } from '../../src/programme/cases/milestone-settings.js';
import { milestoneOfHeader } from '../../src/programme/tracker/header-milestones.js';
import { readCellDate } from '../../src/programme/tracker/read-cell-date.js';

/**
 * Each lookup by a word someone typed (a message, a cell, a heading, a form id) treats words that
 * name Object.prototype's properties like any other unknown word. See also
 * test/http/prototype-keys.test.ts, which sends them through the web chat.
 */
const WORDS = ['constructor', '__proto__', 'tostring', 'valueof', 'hasownproperty'];

describe('lookups by typed words never reach Object.prototype', () => {
  it('the parser reads them as words', () => {
    expect(canonicalWords('constructor valueof tostring __proto__').map((w) => w.word)).toEqual([
      'constructor',
      'valueof',
      'tostring',
      'proto',
    ]);
  });

  it('a tracker cell naming one is no month', () => {
    for (const word of WORDS) {
      expect(readCellDate(`3 ${word} 2025`)).toEqual(readCellDate('3 notamonth 2025'));
      expect(readCellDate(`${word} 3, 2025`)).toEqual(readCellDate('notamonth 3, 2025'));
    }
  });

  it("a programme's own milestone called Constructor is named and found like any other", () => {
    const catalogue = catalogueOf({
      milestones: [{ key: 'constructor', label: 'Constructor', synonyms: ['Constructor'], retired: false }],
    });
    expect(milestoneNoun(catalogue, 'constructor')).toBe('constructor');
    expect(milestoneOfHeader('Constructor', catalogue)).toBe('constructor');
  });

  it('a group keyed "constructor" heads its change ideas by its name', () => {
    expect(aimHeading('constructor', [{ key: 'constructor', name: 'Constructor' }])).toBe(
      "Constructor (group's own ideas)",
    );
  });

  it('form values keep such ids as ordinary keys', () => {
    const sent = JSON.parse('{"__proto__":"a","constructor":"b","x__other":"c"}') as Record<string, string>;
    const folded = foldOtherValues(sent);
    expect(Object.getPrototypeOf(folded)).toBe(Object.prototype);
    expect(Object.entries(folded)).toEqual([['__proto__', 'a'], ['constructor', 'b'], ['x', 'c']]);
    expect(Object.entries(presentValues(sent))).toEqual(Object.entries(sent));
    const slack = readBlockKitViewValues(JSON.parse('{"b":{"__proto__":{"type":"plain_text_input","value":"v"}}}'));
    expect(Object.entries(slack)).toEqual([['__proto__', 'v']]);
  });
});
