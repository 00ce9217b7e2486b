import { describe, expect, it } from 'vitest';
import { SLACK_OPTION_TEXT_MAX } from '../../cards/limits.js';
import { aimShortLabel, parseAim } from '../../src/conversation/features/change-ideas/aims.js';
import { SEED_IDEAS } from '../../src/programme/change-ideas/seed-ideas.js';

describe('change ideas as the plan form offers them', () => {
  it('every published idea fits a Slack option whole, with its aim before it', () => {
    // The plan form's choice: "<aim> · <title>"; Slack cuts an option past 75 characters.
    const long = SEED_IDEAS.map((i) => `${aimShortLabel(i.aim)} · ${i.title}`).filter((l) => l.length > SLACK_OPTION_TEXT_MAX);
    expect(long).toEqual([]);
  });

  it('reads an aim by the short label the choices show, as by its number', () => {
    expect(parseAim('To recommendation', [])).toBe('aim-2');
    expect(parseAim('aim 2', [])).toBe('aim-2');
    expect(() => parseAim('aim 9', [])).toThrow(/to recommendation/);
  });
});
