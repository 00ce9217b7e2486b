import type { CycleChange } from '../programme/pdsa/queries.js';
import type { RuleSet } from '../store/schemas/programme.js';

/** A chart as the digest carries it: the PNG, its alt text and what the rules say, in words. */
export interface DigestChart {
  measureKey: string;
  name: string;
  png: Buffer;
  alt: string;
  /** The signal sentence (naming the rule set), then what the chart covers. */
  sentences: string[];
  /** "latest 62% (31 of 50, October 2026)", "latest monthly median 19 weeks (October 2026)"; undefined without data. */
  latest?: string;
  /** New phases the bot proposes where a shift lines up with a test of change (never a case reference). */
  proposals?: { sentence: string; measureKey: string; testNumber: number; view: 'per-child' | 'monthly' }[];
}

export interface WaitingStage {
  name: string;
  total: number;
  /** Longest wait first; only leads see them. */
  longestWaits: string[];
  buckets: { label: string; count: number }[];
}

export interface DigestWaiting {
  stages: WaitingStage[];
  chart: { png: Buffer; alt: string } | null;
}

/** One child's data problem, named by case reference; the channel only ever sees how many. */
export interface CaseGap {
  caseRef: string;
  detail: string;
}

export interface DigestGaps {
  /** Milestones out of order, or a later one recorded with an earlier one missing. */
  sequence: CaseGap[];
  /** A planned date that passed with no actual date. */
  plannedPassed: CaseGap[];
  /** Still waiting past the aim's time. */
  pastThreshold: CaseGap[];
  /** The aim's weeks, when it has a key stage to time them on; null otherwise. */
  thresholdWeeks: number | null;
  /**
   * The aim's weeks when it names weeks but no key measure: nothing can be timed, so the digest
   * says the aim needs one rather than "none". Absent otherwise.
   */
  untimedWeeks?: number;
}

export interface OverdueCycle {
  number: number;
  title: string;
  ownerName: string;
  carriedOutOn: string;
}

/** One aim group's part of the digest, before it is rendered for the channel or a lead. */
export interface GroupDigest {
  key: string;
  name: string;
  leads: string[];
  aim: { statement: string; target: string; targetDate: string; progress: string[] } | null;
  charts: DigestChart[];
  /** Measures with nothing to draw yet. */
  noData: string[];
  waiting: DigestWaiting | null;
  changes: CycleChange[];
  overdue: OverdueCycle[];
  gaps: DigestGaps;
  questions: { id: string; number: number; text: string }[];
}

/** Everything one digest says, platform-free; rendered twice: for the channel and for each lead. */
export interface DigestModel {
  programmeName: string;
  timeZone: string;
  /** The area's case-reference pattern, to keep references typed into titles out of the channel. */
  caseRefPattern?: string;
  ruleSet: RuleSet;
  meeting: { at: Date; localDate: string };
  since: Date | null;
  /** The programme-local date the data is as of. */
  today: string;
  groups: GroupDigest[];
}
