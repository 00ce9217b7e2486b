import type { CaseStats } from './harness.js';

/** What one benchmark hands the runner: a section of RESULTS.md. */
export interface BenchReport {
  title: string;
  /** One paragraph: what was timed, against which baseline, with how many rounds. */
  intro: string;
  table: string;
  /** Observations worth a line under the table (e.g. a cold first call). */
  notes?: string[];
}

/** Rounds and warm-up as asked on the command line; each benchmark has its own defaults. */
export interface BenchOptions {
  rounds?: number;
  warmUp?: number;
}

export type Benchmark = (options: BenchOptions) => Promise<BenchReport>;

export function renderReport(report: BenchReport): string {
  const notes = (report.notes ?? []).map((note) => `- ${note}`).join('\n');
  return [`## ${report.title}`, report.intro, report.table, notes].filter(Boolean).join('\n\n');
}

/**
 * A markdown table. Columns are right-aligned (they hold numbers) except the first and any named
 * in `textColumns`.
 */
export function markdownTable(
  header: string[],
  rows: string[][],
  textColumns: string[] = [],
): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((name, i) => (i === 0 || textColumns.includes(name) ? '---' : '---:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/** Milliseconds with about three significant figures, so microsecond work stays readable. */
export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function times(value: number, baseline: number): string {
  const ratio = value / baseline;
  return ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(2);
}

/** Headers for `statsCells`, after the first column's. */
export const STATS_HEADERS = ['median ms', 'p95 ms', '× baseline', 'CPU ms', 'CPU × baseline'];

/** Wall-clock median and p95, the median as a multiple of the baseline's, and the same for CPU. */
export function statsCells(stats: CaseStats, baseline: CaseStats): string[] {
  return [
    ms(stats.medianMs),
    ms(stats.p95Ms),
    times(stats.medianMs, baseline.medianMs),
    ms(stats.cpuMedianMs),
    times(stats.cpuMedianMs, baseline.cpuMedianMs),
  ];
}
