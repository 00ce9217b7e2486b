/**
 * A meeting pack as both renderings read it: plain text only (no markup, no case reference), so the
 * PDF and the HTML say exactly the same things.
 */
export interface PackChart {
  name: string;
  png: Buffer;
  alt: string;
  /** What the rules say, then what the chart covers, in words. */
  sentences: string[];
}

/** A list under one heading ("Decided", "Data gaps"); an empty list shows `none`. */
export interface PackList {
  heading: string;
  items: string[];
  none: string;
  /** A line under the list, in smaller type. */
  note?: string;
}

export interface PackGroup {
  name: string;
  aim: { statement: string; target: string; progress: string[] } | null;
  /** The group's key measure (the aim's, when it has data). */
  chart: PackChart | null;
  /** The group's other charted measures, one line each: what their rules say. */
  otherMeasures: string[];
  waiting: PackList;
  tests: PackList[];
  gaps: PackList;
  questions: PackList;
}

export interface MeetingPack {
  programmeName: string;
  /** "Thu 1 Apr 2027, 10:00". */
  meetingWhen: string;
  /** The meeting's local date, for the file name. */
  meetingDate: string;
  /** "since the last meeting (Thu 18 Feb 2027)". */
  period: string;
  /** "Data as of Tue 30 Mar 2027. Run charts are read with IHI rules." */
  about: string[];
  groups: PackGroup[];
}

/** The headings every group's part carries, in order: the tests check them, the renderers use them. */
export const PACK_HEADINGS = {
  aim: 'Aim and progress',
  chart: 'Key measure',
  waiting: 'Children still waiting',
  tests: 'Tests of change',
  gaps: 'Data gaps',
  questions: 'For discussion',
} as const;
