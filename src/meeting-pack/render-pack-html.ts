import { escapeHtml as e } from '../../cards/html-escape.js';
import type { MeetingPack, PackGroup, PackList } from './pack-model.js';
import { PACK_HEADINGS } from './pack-model.js';

const STYLE = `
  @page { size: A4 landscape; margin: 12mm; }
  body { font: 16px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1f2933; margin: 0 auto; max-width: 72rem; padding: 1rem; }
  h1, h2, h3 { color: #0b5394; line-height: 1.2; }
  section.group { border-top: 2px solid #d9e2ec; margin-top: 2rem; padding-top: 1rem; break-before: page; }
  .columns { display: flex; flex-wrap: wrap; gap: 1.5rem; }
  .columns > div { flex: 1 1 18rem; min-width: 0; }
  figure { margin: 0; }
  figure img { max-width: 100%; height: auto; border: 1px solid #d9e2ec; }
  .muted { color: #52606d; }
  ul { padding-left: 1.2rem; }
`;

function list(items: readonly string[], none: string): string {
  if (items.length === 0) return `<p class="muted">${e(none)}</p>`;
  return `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

const titled = (l: PackList, level: 'h3' | 'h4') => `<${level}>${e(l.heading)}</${level}>${list(l.items, l.none)}`;

function groupHtml(group: PackGroup, period: string): string {
  const aim = group.aim
    ? `<p><em>${e(group.aim.statement)}</em></p><p>${e(group.aim.target)}</p>${list(group.aim.progress, 'No data on the aim’s measure yet.')}`
    : '<p class="muted">This group has no aim set yet.</p>';
  const chart = group.chart
    ? `<h3>${e(PACK_HEADINGS.chart)}: ${e(group.chart.name)}</h3>` +
      `<figure><img src="data:image/png;base64,${group.chart.png.toString('base64')}" alt="${e(group.chart.alt)}">` +
      `<figcaption>${group.chart.sentences.map((s) => `<p>${e(s)}</p>`).join('')}</figcaption></figure>`
    : `<h3>${e(PACK_HEADINGS.chart)}</h3><p class="muted">No measure of this group has data to chart yet.</p>`;
  const others = group.otherMeasures.length > 0 ? `<h3>Other measures</h3>${list(group.otherMeasures, '')}` : '';
  return (
    `<section class="group"><h2>${e(group.name)}</h2>` +
    `<div class="columns"><div>${chart}</div><div><h3>${e(PACK_HEADINGS.aim)}</h3>${aim}` +
    `<h3>${e(PACK_HEADINGS.waiting)}</h3>${list(group.waiting.items, group.waiting.none)}${others}</div></div>` +
    `<div class="columns"><div><h3>${e(PACK_HEADINGS.tests)} ${e(period)}</h3>${group.tests.map((t) => titled(t, 'h4')).join('')}</div>` +
    `<div><h3>${e(PACK_HEADINGS.gaps)}</h3>${list(group.gaps.items, group.gaps.none)}` +
    `${group.gaps.note ? `<p class="muted">${e(group.gaps.note)}</p>` : ''}</div>` +
    `<div><h3>${e(PACK_HEADINGS.questions)}</h3>${list(group.questions.items, group.questions.none)}</div></div></section>`
  );
}

/**
 * The pack as one self-contained HTML page (charts inline), for the local chat and any browser: the
 * same words as the PDF, readable on a phone and printable as A4 landscape.
 */
export function renderPackHtml(pack: MeetingPack): string {
  const title = `Champions’ meeting pack: ${pack.programmeName}, ${pack.meetingWhen}`;
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(title)}</title><style>${STYLE}</style></head><body>` +
    `<header><h1>Champions’ meeting pack</h1><p><strong>${e(pack.programmeName)}</strong></p>` +
    `<p>Meeting: ${e(pack.meetingWhen)}</p><h2>Aim groups</h2>${list(pack.groups.map((g) => g.name), 'No aim groups yet.')}` +
    `${pack.about.map((a) => `<p class="muted">${e(a)}</p>`).join('')}</header>` +
    `<main>${pack.groups.map((g) => groupHtml(g, pack.period)).join('')}</main></body></html>`
  );
}
