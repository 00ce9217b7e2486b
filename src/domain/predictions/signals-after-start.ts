import type { RunChartAnalysis } from '../runchart/index.js';
import type { ControlChartAnalysis } from '../spc/index.js';

/** A run of signalling points: where it begins, ends, and what kind of signal it is. */
export interface SignalBlock {
  start: number;
  end: number;
  kind: 'shift' | 'trend' | 'beyond-limits';
  /** Below or above the centre line (shifts and points beyond a limit); null for trends. */
  side: 'below' | 'above' | null;
}

/**
 * Maximal blocks of signalling points with the same key (a side, or a kind): a run above the centre
 * line right before a run below it is two shifts, not one. Points with no side (on the centre line,
 * missing, excluded) neither break nor extend a block, as they neither break nor extend a run.
 */
function blocks(
  count: number,
  key: (i: number) => string | null,
  transparent: (i: number) => boolean,
): { start: number; end: number; key: string }[] {
  const found: { start: number; end: number; key: string }[] = [];
  let open: { start: number; end: number; key: string } | null = null;
  for (let i = 0; i < count; i++) {
    if (open && transparent(i)) continue;
    const k = key(i);
    if (k !== null && open && open.key === k) open.end = i;
    else if (k !== null) found.push((open = { start: i, end: i, key: k }));
    else open = null;
  }
  return found;
}

const sided = (side: string | null) => (side === 'below' || side === 'above' ? side : null);

/**
 * The signals a chart shows, as blocks of points: the run chart's shifts (IHI: six or more on one
 * side; Anhøj: a run longer than its limit) and trends (IHI), and the control chart's points beyond
 * a limit and its over-long runs (when there is a control chart). In time order.
 */
export function signalBlocks(
  run: RunChartAnalysis | null,
  control: ControlChartAnalysis | null,
  ruleSet: 'ihi' | 'anhoej',
): SignalBlock[] {
  const found: SignalBlock[] = [];
  if (run) {
    const points = run.points;
    const off = (i: number) => sided(points[i]!.side) === null;
    const inShift = (i: number) => (ruleSet === 'ihi' ? points[i]!.inShift : points[i]!.inLongRun);
    // Keyed by phase too: each phase is judged on its own, so a run never spans a phase break.
    const shiftKey = (i: number) => (inShift(i) && sided(points[i]!.side) ? `${points[i]!.phase}:${points[i]!.side}` : null);
    for (const b of blocks(points.length, shiftKey, off))
      found.push({ start: b.start, end: b.end, kind: 'shift', side: sided(points[b.start]!.side) as SignalBlock['side'] });
    if (ruleSet === 'ihi')
      for (const b of blocks(points.length, (i) => (points[i]!.inTrend ? `${points[i]!.phase}` : null), () => false))
        found.push({ start: b.start, end: b.end, kind: 'trend', side: null });
  }
  if (control) {
    const points = control.points;
    const outside = (i: number) => (points[i]!.outside ? `${points[i]!.phase}:${points[i]!.outside}` : null);
    for (const b of blocks(points.length, outside, () => false))
      found.push({ start: b.start, end: b.end, kind: 'beyond-limits', side: points[b.start]!.outside });
    const off = (i: number) => sided(points[i]!.side) === null;
    const longRun = (i: number) => (points[i]!.inLongRun && sided(points[i]!.side) ? `${points[i]!.phase}:${points[i]!.side}` : null);
    for (const b of blocks(points.length, longRun, off))
      found.push({ start: b.start, end: b.end, kind: 'shift', side: sided(points[b.start]!.side) as SignalBlock['side'] });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The first signal with a point at or after `from` (the test's first point); null when none. */
export function firstSignalFrom(found: readonly SignalBlock[], from: number): SignalBlock | null {
  if (from < 0) return null;
  return found.find((b) => b.end >= from) ?? null;
}
