import { describe, expect, it } from 'vitest';
import { renderReplies } from '../../adapters/web/render-replies.js';

const png = Buffer.from('not really a png');

describe("the local chat shows a chart's numbers under it", () => {
  it('as a folded table with a header row, every cell escaped', () => {
    const [reply] = renderReplies([
      {
        kind: 'image',
        png,
        alt: 'Run chart',
        title: 'Weeks',
        table: { columns: ['Reached', 'Child', 'Weeks per child (weeks)', 'Note'], rows: [['3 Feb 25', 'C1000', '30', '<b>']] },
      },
    ]);
    expect(reply!.html).toMatch(
      /<details class="chart-table"><summary>The numbers<\/summary><div class="table-scroll" role="region" tabindex="0" aria-label="The numbers \(scroll sideways for more\)"><table>/,
    );
    expect(reply!.html).toContain('<th scope="col">Child</th>');
    expect(reply!.html).toContain('<td>C1000</td>');
    expect(reply!.html).toContain('<td>&lt;b&gt;</td>');
  });

  it('and no table for a chart without one', () => {
    const [reply] = renderReplies([{ kind: 'image', png, alt: 'Run chart' }]);
    expect(reply!.html).not.toContain('<table');
  });
});
