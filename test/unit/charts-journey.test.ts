import type { ChartDataset } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildJourneyConfig, journeyColours } from '../../src/charts/build-journey-config.js';
import { journeyExample } from '../../src/charts/examples.js';
import { neutral } from '../../src/charts/palette.js';
import { renderJourneyTimeline } from '../../src/charts/render-journey-timeline.js';
import { ValidationError } from '../../src/errors.js';
import { countColour, decodePng, readPngHeader } from './charts-png-helpers.js';

type Dataset = ChartDataset<'line', { x: number; y: number }[]>;

function datasetNamed(label: string): Dataset | undefined {
  const datasets = buildJourneyConfig(journeyExample).data.datasets as Dataset[];
  return datasets.find((d) => d.label === label);
}

describe('journey config', () => {
  it('puts each milestone on its own row at its date', () => {
    const reached = datasetNamed('Reached');
    expect(reached?.data.map((p) => p.y)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // 3 Mar 2025 and 6 Mar 2025 as day numbers: three days apart.
    expect(reached!.data[1].x - reached!.data[0].x).toBe(3);
  });

  it('draws planned milestones hollow, in another shape, reached by a dashed step', () => {
    const planned = datasetNamed('Planned');
    const reached = datasetNamed('Reached');
    expect(planned?.data.map((p) => p.y)).toEqual([7]);
    expect(planned?.backgroundColor).toBe(neutral.background);
    expect(planned?.borderColor).toBe(journeyColours.planned);
    expect(planned?.pointStyle).not.toBe(reached?.pointStyle);
    const path = datasetNamed('');
    const segment = path?.segment as { borderDash: (ctx: { p1DataIndex: number }) => unknown };
    const dash = (p1DataIndex: number) =>
      segment.borderDash({ p1DataIndex }) as number[] | undefined;
    expect(dash(7)?.length).toBeGreaterThan(0);
    expect(dash(6)).toBeUndefined();
  });

  it('leaves the planned legend entry out when nothing is planned', () => {
    const config = buildJourneyConfig({
      caseRef: 'C1042',
      milestones: journeyExample.milestones.filter((m) => !m.planned),
    });
    expect(config.data.datasets.map((d) => d.label)).toEqual(['', 'Reached']);
  });

  it('refuses milestones out of date order', () => {
    const spec = {
      caseRef: 'C1042',
      milestones: [
        { label: 'Accommodated', date: '2025-03-03' },
        { label: 'First LAC review', date: '2025-02-14' },
      ],
    };
    expect(() => buildJourneyConfig(spec)).toThrow(ValidationError);
    expect(() => buildJourneyConfig(spec)).toThrow(/date order/);
  });
});

describe('renderJourneyTimeline', () => {
  it('renders a 1020×680 PNG under 300 KB with reached and planned markers', async () => {
    const chart = await renderJourneyTimeline(journeyExample);
    expect(readPngHeader(chart.png)).toMatchObject({ signatureOk: true, width: 1020, height: 680 });
    expect(chart.png.length).toBeLessThan(300 * 1024);
    const image = await decodePng(chart.png);
    expect(countColour(image, journeyColours.reached)).toBeGreaterThan(1000);
    expect(countColour(image, journeyColours.planned)).toBeGreaterThan(100);
  });

  it('lists every milestone with its date and the time since the one before', async () => {
    const { alt } = await renderJourneyTimeline(journeyExample);
    expect(alt).toContain('C1042, 3 March 2025 to 20 April 2026');
    expect(alt).toContain('Accommodated on 3 March 2025');
    expect(alt).toContain('72-hour planning meeting on 6 March 2025, 3 days later');
    expect(alt).toContain('Legal advice on 21 July 2025, 18.4 weeks later');
    expect(alt).toContain('Application lodged planned for 20 April 2026, 10 weeks later');
    expect(alt).toContain('As of 2 March 2026.');
    expect(alt.match(/ on \d+ \w+ 20\d\d/g)).toHaveLength(7);
  });
});
