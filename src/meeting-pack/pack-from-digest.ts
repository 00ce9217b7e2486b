import { RULE_SET_NAMES } from '../programme/measures/measure-chart-spec.js';
import { describeWhen } from '../programme/meetings/describe-meeting.js';
import type { DigestGaps, DigestModel, GroupDigest } from '../digest/digest-model.js';
import { localDay, pastAimHeading, untimedAimLine } from '../digest/render-lines.js';
import { channelCount, SMALL_NUMBER_LIMIT } from '../digest/small-numbers.js';
import type { MeetingPack, PackGroup, PackList } from './pack-model.js';
import { packTextCleaner } from './pack-text.js';
import { testsOfChangeLists } from './pack-tests-of-change.js';

type Clean = (text: string) => string;

/**
 * The chart the meeting looks at: the digest draws the aim's measure first (see groupMeasures), so
 * the first chart is the aim's when it has data, else the group's next key measure.
 */
function keyChart(group: GroupDigest) {
  return group.charts[0] ?? null;
}

/** Waiting children as the channel sees them: counts, small ones as "fewer than 5". */
function waitingList(group: GroupDigest, clean: Clean): PackList {
  const items = (group.waiting?.stages ?? []).map(
    (s) => `${clean(s.name)}: ${channelCount(s.total)} waiting`,
  );
  return { heading: 'Children still waiting', items, none: 'Nobody is waiting at this group’s stages.' };
}

function gapsList(gaps: DigestGaps, hasLead: boolean): PackList {
  let any = false;
  const line = (heading: string, found: DigestGaps['sequence']) => {
    const cases = new Set(found.map((g) => g.caseRef)).size;
    any ||= cases > 0;
    return `${heading}: ${cases === 0 ? 'none' : `${channelCount(cases)} children`}`;
  };
  const items = [
    line('Milestones out of order or missing', gaps.sequence),
    line('Planned dates passed with no date', gaps.plannedPassed),
  ];
  if (gaps.thresholdWeeks !== null) {
    items.push(line(pastAimHeading(gaps.thresholdWeeks), gaps.pastThreshold));
  } else if (gaps.untimedWeeks !== undefined) {
    // Printed: no chat command, only why nothing is counted.
    items.push(untimedAimLine(gaps.untimedWeeks));
  }
  // Printed, so no chat command: the meeting hears that a group has nobody to chase its gaps.
  const note = hasLead ? 'Leads have the details in their direct messages.' : 'This group has no lead, so nobody has the details yet.';
  return { heading: 'Data gaps', items, none: 'none', ...(any ? { note } : {}) };
}

function packGroup(group: GroupDigest, clean: Clean): PackGroup {
  const chart = keyChart(group);
  const others = group.charts.filter((c) => c !== chart);
  return {
    name: clean(group.name),
    aim: group.aim && {
      statement: clean(group.aim.statement),
      target: `Target: ${clean(group.aim.target)} by ${group.aim.targetDate}.`,
      progress: group.aim.progress.map(clean),
    },
    chart: chart && {
      name: clean(chart.name),
      png: chart.png,
      alt: clean(chart.alt),
      sentences: chart.sentences.map(clean),
    },
    otherMeasures: [
      ...others.map((c) => `${clean(c.name)}: ${clean(c.sentences[0] ?? '')}`),
      ...group.noData.map((name) => `${clean(name)}: no data yet.`),
    ],
    waiting: waitingList(group, clean),
    tests: testsOfChangeLists(group.changes, group.overdue, clean),
    gaps: gapsList(group.gaps, group.leads.length > 0),
    questions: {
      heading: 'For discussion',
      items: group.questions.map((q) => clean(q.text)),
      none: 'No questions were queued for this meeting.',
    },
  };
}

export interface PackSource {
  /** The area's case reference pattern: anything matching it is taken out of the pack's text. */
  caseRefPattern?: string;
}

/**
 * The pack's words from the digest model, as the channel would see them: counts only, small ones
 * suppressed, no case reference anywhere.
 */
export function packFromDigest(model: DigestModel, source: PackSource = {}): MeetingPack {
  const clean = packTextCleaner(source.caseRefPattern);
  const { since, timeZone } = model;
  const period = since ? `since the last meeting (${localDay(since, timeZone)})` : 'over the last six weeks';
  return {
    programmeName: clean(model.programmeName),
    meetingWhen: describeWhen(model.meeting.at, timeZone),
    meetingDate: model.meeting.localDate,
    period,
    about: [
      `Data as of ${localDay(new Date(`${model.today}T12:00:00Z`), 'UTC')}. Tests of change ${period}.`,
      `Run charts are read with ${RULE_SET_NAMES[model.ruleSet]} rules; each chart says which kind it is.`,
      `Counts under ${SMALL_NUMBER_LIMIT} show as “fewer than ${SMALL_NUMBER_LIMIT}”, and no child is named: ` +
        'this pack is for the whole meeting.',
    ],
    groups: model.groups.map((g) => packGroup(g, clean)),
  };
}
