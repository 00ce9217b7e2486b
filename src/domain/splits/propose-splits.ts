import type { SignalBlock } from '../predictions/index.js';

/**
 * A shift that begins at most this many points after a test's first point "lines up" with it: a
 * change to a process shows after a short delay, and further off the link is guesswork.
 */
export const SPLIT_WITHIN = 3;

export interface SplitProposal {
  testNumber: number;
  /** The first point of the shift (0-based): where the new phase would start. */
  start: number;
  /** What began there: a shift (a long run on one side), or points beyond a control limit. */
  kind: 'shift' | 'beyond-limits';
}

/**
 * New phases worth proposing: each shift or run of points beyond a limit (trends are not a change
 * of level) that begins 0..SPLIT_WITHIN points after a linked test's first point, and not inside
 * an earlier signal, at the latest such
 * test. Never at the first point, never where a phase already starts, and never for a test already
 * decided on (accepted or dismissed), and once per test (at its first shift). The bot only
 * proposes: people decide.
 */
export function proposeSplits(input: {
  blocks: readonly SignalBlock[];
  /** Linked tests with the index of their first point on the chart. */
  tests: readonly { number: number; index: number }[];
  phaseStarts: readonly number[];
  decided: ReadonlySet<number>;
}): SplitProposal[] {
  const proposals: SplitProposal[] = [];
  const levels = input.blocks.filter((b): b is SignalBlock & { kind: SplitProposal['kind'] } => b.kind !== 'trend');
  for (const block of levels) {
    if (block.start === 0 || input.phaseStarts.includes(block.start)) continue;
    // Points beyond a limit inside a shift that began earlier are part of that change of level,
    // not a new one: proposing a phase at each read as three shifts in one run (phone try-out).
    // That holds whether or not the earlier block was proposed (a decided test, a phase already
    // there): the later points still belong to its run.
    if (levels.some((b) => b.start < block.start && block.start <= b.end)) continue;
    if (proposals.some((p) => p.start === block.start)) continue;
    const lined = input.tests
      .filter((t) => block.start - t.index >= 0 && block.start - t.index <= SPLIT_WITHIN)
      .sort((a, b) => b.index - a.index || b.number - a.number)[0];
    if (!lined || input.decided.has(lined.number)) continue;
    // One proposal per test: accepting or dismissing is decided per test, so a second shift that
    // lines up with the same test would be the same question twice.
    if (proposals.some((p) => p.testNumber === lined.number)) continue;
    proposals.push({ testNumber: lined.number, start: block.start, kind: block.kind });
  }
  return proposals;
}
