import { describe, expect, it } from 'vitest';
import { repliesPage } from '../../adapters/web/page.js';

const card = (label: string) =>
  `<div class="card"><p>A new phase?</p><button type="button" class="card-button primary" data-button-id="accept" data-verb="split.accept" data-action="{}">${label}</button></div>`;

describe('a page of replies outside the chat (the digest preview)', () => {
  it('draws its buttons disabled and says where they work (they looked live and did nothing)', () => {
    const html = repliesPage('Digest preview', [card('Accept phase at T-2…'), card('Dismiss T-2 phase')]);
    expect(html.match(/<button type="button" disabled class="card-button primary"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<button type="button" class="card-button/);
    expect(html).toContain('A preview: its buttons work on the digest itself, once it is posted in the chat.');
  });

  it('says nothing of buttons when there are none', () => {
    expect(repliesPage('Digest preview', ['<p>No digest yet.</p>'])).not.toContain('its buttons work');
  });
});
