import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMilestoneStatement } from '../../src/domain/parse-milestone.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Words that name something on Object.prototype. Any lookup by a word someone typed into a plain
 * object finds these, so each must get an ordinary answer wherever a word is looked up.
 */
const PROTOTYPE_WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];

/** Where a typed word is looked up: the sentence parser and the commands that read a word as a key. */
const MESSAGES = (word: string) => [
  `${word} C1042 accommodated 3 Oct`,
  `C1042 ${word} 3 Oct`,
  word,
  `pdsa list ${word}`,
  `pdsa list status ${word}`,
  `ideas ${word}`,
  `idea ${word}`,
  `idea ${word} ${word}`,
  `group ${word}`,
  `group permanence-milestones ${word} Jamie`,
  `measure new "Proto ${word}" unit days better ${word}`,
  `measure new "Proto ${word}" unit days better up ${word}`,
  `measure ${word}`,
  `chart ${word}`,
  `chart waiting ${word}`,
  `case ${word}`,
  `help ${word}`,
  `digest question ${word} ${word}?`,
  `prompt ${word} every monday: ${word}`,
  `away until ${word}`,
];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const loaded = await turn({ as: 'demo-admin', text: 'demo load' });
  expect(loaded.status).toBe(200);
});
afterAll(() => app.stop());

async function turn(body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.url}/web/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const APOLOGY = /something went wrong|function Object|\[native code\]|\[object Object\]/i;

describe('words that name prototype properties', () => {
  it.each(PROTOTYPE_WORDS)('get an ordinary answer in the web chat: %s', async (word) => {
    for (const text of MESSAGES(word)) {
      const answer = await turn({ as: 'demo-admin', text });
      expect(answer.status, text).toBe(200);
      expect(answer.text, text).not.toMatch(APOLOGY);
    }
  });

  it.each(PROTOTYPE_WORDS)('as a form field or a button verb: %s', async (word) => {
    const sent = [
      { verb: word },
      { verb: 'setup.group.save', values: { name: `Proto ${word}`, [word]: word } },
      { verb: 'pdsa.plan.save', values: { [word]: word } },
      { verb: 'pdsa.do.save', data: { number: 1 }, values: { [word]: word } },
    ];
    for (const action of sent) {
      const answer = await turn({ as: 'demo-admin', action });
      expect(answer.status, JSON.stringify(action)).toBe(200);
      expect(answer.text, JSON.stringify(action)).not.toMatch(APOLOGY);
    }
  });

  it.each(PROTOTYPE_WORDS)('are read by the parser as ordinary words: %s', (word) => {
    const options = { today: '2026-11-19' };
    const withWord = parseMilestoneStatement(`${word} C1042 accommodated 3 Oct`, options);
    expect(withWord).toEqual({
      ok: true,
      records: [{ caseRef: 'C1042', milestone: 'accommodated', date: '2026-10-03', planned: false }],
    });
    const alone = parseMilestoneStatement(`C1042 ${word} 3 Oct`, options);
    expect(alone).toMatchObject({ ok: false, error: 'no_milestone' });
  });
});
