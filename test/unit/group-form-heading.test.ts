import { describe, expect, it } from 'vitest';
import { toHtml } from '../../cards/to-html.js';
import { groupForm } from '../../src/conversation/features/setup/group-form.js';

// The new aim group form showed its heading twice, the card's and the form's (phone try-out).
describe('the new aim group form', () => {
  it('is headed once', () => {
    const html = toHtml(groupForm());
    expect(html.match(/New aim group/g)).toHaveLength(1);
  });

  it('keeps a short form title, which a Slack modal shows (24 characters at most)', () => {
    const { form } = groupForm();
    expect(form!.title.length).toBeLessThanOrEqual(24);
  });
});
