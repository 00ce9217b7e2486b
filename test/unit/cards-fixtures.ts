import { deflateSync } from 'node:zlib';
import type { Card, CardForm, CardSection } from '../../cards/model.js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real (grey, 8-bit greyscale) PNG of the given size, so dimension checks read a genuine IHDR. */
export function png(width = 2, height = 2): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y += 1) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function formFixture(overrides: Partial<CardForm> = {}): CardForm {
  return {
    id: 'pdsa-new',
    title: 'Start a PDSA cycle',
    submitLabel: 'Save cycle',
    submit: { verb: 'pdsa.create', data: { groupId: 'g-1' } },
    inputs: [
      {
        kind: 'text',
        id: 'title',
        label: 'Title',
        required: true,
        maxLength: 80,
        placeholder: 'e.g. Visit checklist',
      },
      {
        kind: 'multiline',
        id: 'plan',
        label: 'Plan',
        hint: 'What will you try, and what do you predict?',
      },
      { kind: 'date', id: 'due', label: 'Study date', value: '2026-12-01', required: true },
      {
        kind: 'choice',
        id: 'idea',
        label: 'Change idea',
        options: [
          { value: 'ci-1', label: 'Pre-visit phone call' },
          { value: 'ci-2', label: 'Shared visit notes' },
        ],
        value: 'ci-2',
        required: true,
        allowOther: true,
      },
      { kind: 'people', id: 'owners', label: 'Owners', multiple: true, value: ['U111', 'U222'] },
      { kind: 'people', id: 'lead', label: 'Lead', value: ['U333'], required: true },
    ],
    ...overrides,
  };
}

/** Every input id `formFixture()` renders to, in order: "idea" allows "other", hence idea__other. */
export const FIXTURE_INPUT_IDS = ['title', 'plan', 'due', 'idea', 'idea__other', 'owners', 'lead'];

export function cardFixture(overrides: Partial<Card> = {}): Card {
  return {
    title: 'Weekly digest — Northside champions',
    subtitle: 'Week 47',
    facts: [
      { label: 'Cases', value: '12' },
      { label: 'Milestones this week', value: '*5*' },
    ],
    sections: [
      {
        heading: 'Change ideas',
        text: 'Two ideas *in test*, one _adopted_.\n- Pre-visit call\n- Shared notes: see [guide](https://example.org/guide)',
        facts: [{ label: 'Open PDSAs', value: '3' }],
      },
    ],
    images: [
      {
        png: png(),
        alt: 'Run chart of days to first visit, no signal',
        title: 'Days to first visit',
      },
    ],
    buttons: [
      {
        id: 'log-milestone',
        label: 'Log a milestone',
        action: { verb: 'milestone.start', data: { groupId: 'g-1' } },
        style: 'primary',
      },
      {
        id: 'snooze',
        label: 'Snooze',
        action: { verb: 'digest.snooze', data: { weeks: 1, all: false } },
      },
    ],
    ...overrides,
  };
}

/** Many long sections: enough to break every platform's size and block limits. */
export function bigSections(count: number, textLength = 900): CardSection[] {
  return Array.from({ length: count }, (_, i) => ({
    heading: `Section ${i + 1}`,
    text: `Line of text for section ${i + 1}. `
      .repeat(Math.ceil(textLength / 30))
      .slice(0, textLength)
      .trim(),
    facts: [{ label: `Fact ${i + 1}`, value: String(i) }],
  }));
}
