import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderRunChart } from '../../src/charts/render-run-chart.js';
import { runChartTable } from '../../src/charts/run-chart-table.js';
import { type RunChartSpec, RunChartSpecSchema } from '../../src/charts/run-chart-spec.js';

// Per-child charts: one point per child, placed by when the child reached the stage. The canvas
// records every string drawn, so the test sees exactly the text in the PNG.
const require = createRequire(import.meta.url);
const { CanvasRenderingContext2D } = require('canvas') as {
  CanvasRenderingContext2D: { prototype: { fillText(text: string, x: number, y: number): void } };
};

async function drawnText(render: () => Promise<unknown>): Promise<string[]> {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.fillText;
  const texts: string[] = [];
  proto.fillText = function (this: unknown, text: string, x: number, y: number) {
    texts.push(String(text));
    return original.call(this, text, x, y);
  };
  try {
    await render();
  } finally {
    proto.fillText = original;
  }
  return texts;
}

// 40 children over about 15 months, two or three a month, some on the same day.
const dates = Array.from({ length: 40 }, (_, i) => {
  const day = new Date(Date.UTC(2025, 1, 3) + Math.floor(i * 11.3) * 86_400_000);
  return day.toISOString().slice(0, 10);
});
const refs = dates.map((_, i) => `C${1000 + ((i * 29) % 97)}`);
const values = dates.map((_, i) => 30 + ((i * 7) % 13));

const perChild: RunChartSpec = {
  title: 'Accommodation to recommendation',
  measureName: 'Weeks per child',
  unit: 'weeks',
  xTitle: 'Children, in the order they reached recommendation',
  labels: dates,
  pointNames: refs,
  values,
  phases: [{ start: 0, end: 39, median: 36, baselineEnd: 19 }],
  signalPoints: [38, 39],
  ruleSetName: 'IHI',
};
const monthWord = /^[A-Z][a-z]{2,3} \d{2}$/;
const caseRef = /C1\d{3}/;

describe('the per-child chart in the PNG', () => {
  it('labels its axis with months, each once, in order, and never with a case reference', async () => {
    const texts = await drawnText(() => renderRunChart(perChild));
    expect(texts.filter((t) => caseRef.test(t))).toEqual([]);
    const months = texts.filter((t) => monthWord.test(t));
    expect(months.length).toBeGreaterThanOrEqual(4);
    expect(new Set(months).size).toBe(months.length);
    const asDates = months.map((m) => Date.parse(`1 ${m.slice(0, 3)} 20${m.slice(-2)}`));
    expect(asDates).toEqual([...asDates].sort((a, b) => a - b));
    // The first child's month is named: a reader can date the start of the chart.
    expect(months[0]).toBe('Feb 25');
  });

  it('draws the same PNG without the references as with them: none of them is in it', async () => {
    const withNames = await renderRunChart(perChild);
    const { pointNames: _dropped, ...withoutNames } = perChild;
    const without = await renderRunChart(withoutNames);
    expect(withNames.png.equals(without.png)).toBe(true);
  });
});

describe('the per-child chart in words', () => {
  it('names each child by reference and date in the alt text and the table, where references may go', async () => {
    const { alt } = await renderRunChart(perChild);
    expect(alt).toContain('C1000 (3 February 2025)');
    expect(alt).toMatch(/Points marked as a signal: C1\d{3} \(\d+ \w+ 2026\) to C1\d{3} \(\d+ \w+ 2026\)\./);
    const table = runChartTable(RunChartSpecSchema.parse(perChild));
    expect(table.columns).toEqual(['#', 'Reached', 'Child', 'Weeks per child', 'Note']);
    expect(table.rows[0]).toEqual(['1', '3 Feb 25', 'C1000', '30', '']);
    expect(table.rows[39]?.[4]).toBe('Signal');
    expect(table.rows[39]?.[0]).toBe('40');
  });

  it('leaves every reference out of the alt text and the table when none may be shown (a channel)', async () => {
    const { pointNames: _dropped, ...channel } = perChild;
    const { alt } = await renderRunChart(channel);
    expect(alt).not.toMatch(caseRef);
    expect(alt).toContain('3 February 2025 to');
    const table = runChartTable(RunChartSpecSchema.parse(channel));
    expect(table.columns).toEqual(['#', 'Reached', 'Weeks per child', 'Note']);
    expect(JSON.stringify(table)).not.toMatch(caseRef);
  });
});
