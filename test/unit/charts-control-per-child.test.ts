import type { Chart, ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildControlChartConfig } from '../../src/charts/build-control-chart-config.js';
import { iChartExample } from '../../src/charts/control-chart-examples.js';
import { ControlChartSpecSchema } from '../../src/charts/control-chart-spec.js';
import { controlChartTable } from '../../src/charts/control-chart-table.js';
import { describeControlChart } from '../../src/charts/describe-control-chart.js';
import { renderPng } from '../../src/charts/render-png.js';

// The I chart of one point per child: 24 children, one every 10 days from 6 January 2025.
const reached = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2025, 0, 6 + 10 * i)).toISOString().slice(0, 10));
const names = reached.map((_, i) => `C${3001 + i}`);
const perChild = { ...iChartExample, labels: reached, xTitle: 'Children, by the date they reached the stage', annotations: [] };

/** The x labels Chart.js keeps and draws. */
async function drawnTicks(config: ChartConfiguration<'line', (number | null)[], string>): Promise<string[]> {
  let drawn: string[] = [];
  const probe = { id: 'probe', afterDraw: (chart: Chart) => (drawn = chart.scales.x!.ticks.map((t) => [t.label].flat().join(' '))) };
  await renderPng({ ...config, plugins: [...(config.plugins ?? []), probe] } as ChartConfiguration);
  return drawn.filter(Boolean);
}

describe('a per-child control chart', () => {
  it('names each month once on its x axis, as the run chart does, not each day', async () => {
    const drawn = await drawnTicks(buildControlChartConfig(perChild));
    expect(drawn.length).toBeGreaterThan(3);
    // Month labels ('Jan 25'), each once, in order; never a day ('6 Jan').
    for (const label of drawn) expect(label).toMatch(/^[A-Z][a-z]{2} \d{2}$/);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn[0]).toBe('Jan 25');
  });

  it('names the children in its alt text and table only when given their references', () => {
    const named = ControlChartSpecSchema.parse({ ...perChild, pointNames: names });
    expect(describeControlChart(named)).toMatch(/C3001 \(6 January 2025\) to C3024 \(\d+ \w+ 2025\)/);
    const table = controlChartTable(named);
    expect(table.columns).toEqual(['#', 'Reached', 'Child', 'Days from referral to decision', 'Lower limit', 'Upper limit', 'Note']);
    expect(table.rows[17]).toContain('C3018');
    expect(table.rows[17]!.at(-1)).toBe('Outside the limits');

    const unnamed = ControlChartSpecSchema.parse(perChild);
    expect(describeControlChart(unnamed)).not.toMatch(/C30\d\d/);
    expect(describeControlChart(unnamed)).toMatch(/6 January 2025 to/);
    expect(controlChartTable(unnamed).columns).not.toContain('Child');
    expect(JSON.stringify(controlChartTable(unnamed))).not.toMatch(/C30\d\d/);
  });

  it('refuses names that do not match its points one for one', () => {
    expect(ControlChartSpecSchema.safeParse({ ...perChild, pointNames: names.slice(1) }).success).toBe(false);
  });
});
