import { describe, expect, it } from 'vitest';
import type { GroupDigest } from '../../src/digest/digest-model.js';
import { groupCard } from '../../src/digest/render-group.js';
import { packTextCleaner } from '../../src/meeting-pack/pack-text.js';

/**
 * A test of change's title and a question are typed by people, and may name a child ("Call C1042's
 * carer"). The channel's part of a digest goes to the whole group, so any reference in them is
 * replaced there; the leads' private part keeps it. The bot's own test numbers (T-101) stay.
 */
describe('case references in the words of a channel digest', () => {
  const group: GroupDigest = {
    key: 'legal',
    name: 'Legal',
    leads: ['U-LEAD'],
    aim: null,
    charts: [],
    noData: [],
    waiting: null,
    changes: [
      { number: 101, title: 'Call C1042 carer before panel', ownerName: 'Sam', event: 'planned', at: new Date('2026-11-20') },
    ],
    overdue: [],
    gaps: { sequence: [], plannedPassed: [], pastThreshold: [], thresholdWeeks: null },
    questions: [{ id: 'q1', number: 1, text: 'Why did C1077 wait so long?' }],
  } as unknown as GroupDigest;
  const words = (audience: 'channel' | 'lead') =>
    JSON.stringify(groupCard(group, audience, null, 'Europe/London', undefined));

  it('replaces references in the channel part and keeps test numbers', () => {
    const channel = words('channel');
    expect(channel).not.toMatch(/C1042|C1077/);
    expect(channel).toContain('[case]');
    expect(channel).toContain('T-101');
  });

  it('keeps them in the leads’ private part', () => {
    const lead = words('lead');
    expect(lead).toContain('C1042');
    expect(lead).toContain('C1077');
  });

  it('the meeting pack keeps the bot’s test numbers, whatever their length', () => {
    const clean = packTextCleaner();
    expect(clean('T-101 Call C1042 carer')).toBe('T-101 Call [case] carer');
  });
});
