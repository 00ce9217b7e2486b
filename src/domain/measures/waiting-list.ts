import { ValidationError } from '../../errors.js';
import { daysBetween } from './calendar.js';
import type { CaseMilestones } from './case-milestones.js';
import { checkedPairs } from './milestone-pairs.js';

/** Lower bounds of the default buckets in weeks: under 13, 13–26, 26–52, 52 or more. */
export const DEFAULT_WAITING_BUCKETS: readonly number[] = [0, 13, 26, 52];

export interface WaitingListOptions {
  from: string;
  to: string;
  /** The date the data is as of (YYYY-MM-DD). */
  today: string;
  /** Increasing lower bounds in weeks, starting at 0; the last bucket is open-ended. */
  buckets?: readonly number[];
}

export interface WaitingBucket {
  fromWeeks: number;
  /** Exclusive upper bound; null for the last, open-ended bucket. */
  toWeeks: number | null;
  label: string;
  count: number;
  /** Longest wait first; the digest shows these to leads only. */
  caseRefs: string[];
}

/** Children who reached A but not yet B as of `today`, bucketed by weeks waited, for a bar chart. */
export function waitingList(
  cases: readonly CaseMilestones[],
  options: WaitingListOptions,
): WaitingBucket[] {
  const bounds = options.buckets ?? DEFAULT_WAITING_BUCKETS;
  if (bounds[0] !== 0 || bounds.some((b, i) => i > 0 && b <= bounds[i - 1]!)) {
    throw new ValidationError(
      'waiting_buckets_invalid',
      `Waiting-time buckets must start at 0 weeks and increase (got ${bounds.join(', ')}).`,
      { field: 'buckets' },
    );
  }
  const { pairs } = checkedPairs(cases, options.from, options.to);
  const waiting = pairs
    .filter((p) => p.start <= options.today && (p.end === undefined || p.end > options.today))
    .map((p) => ({ caseRef: p.caseRef, weeks: daysBetween(p.start, options.today) / 7 }))
    .sort((a, b) => b.weeks - a.weeks || a.caseRef.localeCompare(b.caseRef));

  return bounds.map((fromWeeks, i) => {
    const toWeeks = bounds[i + 1] ?? null;
    const refs = waiting
      .filter((w) => w.weeks >= fromWeeks && (toWeeks === null || w.weeks < toWeeks))
      .map((w) => w.caseRef);
    return {
      fromWeeks,
      toWeeks,
      label: bucketLabel(fromWeeks, toWeeks),
      count: refs.length,
      caseRefs: refs,
    };
  });
}

function bucketLabel(fromWeeks: number, toWeeks: number | null): string {
  if (toWeeks === null) return `${fromWeeks} weeks or more`;
  return fromWeeks === 0 ? `under ${toWeeks} weeks` : `${fromWeeks}–${toWeeks} weeks`;
}
