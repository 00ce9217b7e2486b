import type { Card, CardSection } from '../../cards/model.js';
import { compileCaseRefPattern, replaceCaseReferences } from '../domain/case-reference.js';
import type { CaseGap, GroupDigest } from './digest-model.js';
import { capped, changeLines, isoDay, localDay, pastAimHeading, untimedAimLine } from './render-lines.js';
import { channelCount, safeForChannel } from './small-numbers.js';
import { STUDY_DUE_DAYS } from './study-due.js';
import { plain } from '../../cards/plain-text.js';
import { proposalButtons } from '../programme/measures/proposal-card.js';

/** Who a group's part is for: the champions' channel (counts only) or a lead (case references). */
export type Audience = 'channel' | 'lead';

function aimSection(group: GroupDigest): CardSection | null {
  if (!group.aim) return null;
  const { statement, target, targetDate, progress } = group.aim;
  const lines = [`_${plain(statement)}_`, `Target: ${plain(target)} by ${targetDate}.`];
  if (progress.length === 0) lines.push('No data on the aim’s measure yet.');
  lines.push(...progress.map((p) => `- ${plain(p)}`));
  return { heading: 'Aim', text: lines.join('\n') };
}

function chartsSection(group: GroupDigest): CardSection | null {
  const lines = [
    ...group.charts.flatMap((c) => [
      `- *${plain(c.name)}*: ${c.sentences[0] ?? ''}`,
      ...(c.proposals ?? []).map((p) => `- _Proposed:_ ${p.sentence} (a lead or coach decides, with a reason)`),
    ]),
    ...group.noData.map((name) => `- *${plain(name)}*: no data yet.`),
  ];
  return lines.length > 0 ? { heading: 'Charts', text: lines.join('\n') } : null;
}

/** Whether the waiting bar chart may go to the channel: no bar of 1 to 4 children. */
export function waitingChartForChannel(group: GroupDigest): boolean {
  const counts = group.waiting?.stages.flatMap((s) => s.buckets.map((b) => b.count)) ?? [];
  return !!group.waiting?.chart && safeForChannel(counts);
}

function waitingSection(group: GroupDigest, audience: Audience): CardSection | null {
  if (!group.waiting) return null;
  const lines = group.waiting.stages.map((stage) => {
    if (audience === 'channel') return `- *${plain(stage.name)}*: ${channelCount(stage.total)} waiting`;
    const buckets = stage.buckets.filter((b) => b.count > 0).map((b) => `${b.count} ${b.label}`);
    const longest = plain(stage.longestWaits.join(', '));
    const counts = `${stage.total} waiting (${buckets.join(', ')})`;
    return `- *${plain(stage.name)}*: ${counts}. Longest waits: ${longest}`;
  });
  if (audience === 'channel' && !waitingChartForChannel(group)) {
    lines.push('_The bar chart went to the leads only: some of its counts are under 5._');
  }
  return { heading: 'Children still waiting', text: lines.join('\n') };
}

function cyclesSection(group: GroupDigest, period: string): CardSection {
  const lines = changeLines(group.changes);
  if (group.overdue.length > 0) {
    const items = group.overdue.map(
      (c) => `T-${c.number} ${plain(c.title)} (${plain(c.ownerName)}, carried out ${isoDay(c.carriedOutOn)})`,
    );
    lines.push(`- *Overdue for Study* (done over ${STUDY_DUE_DAYS} days ago): ${capped(items)}`);
  }
  if (lines.length === 0) {
    lines.push('None started, studied or decided, and none overdue for Study.');
  }
  return { heading: `Tests of change ${period}`, text: lines.join('\n') };
}

function gapLine(heading: string, found: readonly CaseGap[], audience: Audience): string {
  const cases = new Set(found.map((g) => g.caseRef)).size;
  if (audience === 'channel') {
    return `- ${heading}: ${cases === 0 ? 'none' : `${channelCount(cases)} children`}`;
  }
  if (found.length === 0) return `- ${heading}: none`;
  return `- *${heading}*: ${capped(found.map((g) => plain(`${g.caseRef} ${g.detail}`)))}`;
}

function gapsSection(group: GroupDigest, audience: Audience): CardSection {
  const { gaps } = group;
  const lines = [
    gapLine('Milestones out of order or missing', gaps.sequence, audience),
    gapLine('Planned dates passed with no date', gaps.plannedPassed, audience),
  ];
  if (gaps.thresholdWeeks !== null) {
    lines.push(gapLine(pastAimHeading(gaps.thresholdWeeks), gaps.pastThreshold, audience));
  } else if (gaps.untimedWeeks !== undefined) {
    lines.push(`- ${untimedAimLine(gaps.untimedWeeks, `\`group ${group.key} measure <measure>\``)}`);
  }
  if (audience === 'channel') lines.push(`_${leadsNote(group)}_`);
  return { heading: 'Data gaps', text: lines.join('\n') };
}

function questionsSection(group: GroupDigest): CardSection | null {
  if (group.questions.length === 0) return null;
  return { heading: 'For discussion', text: group.questions.map((q) => `- ${plain(q.text)}`).join('\n') };
}

/** One group's part as a card, for the channel or for a lead. Charts travel as images beside it. */
export function groupCard(
  group: GroupDigest,
  audience: Audience,
  since: Date | null,
  timeZone: string,
  caseRefPattern?: string,
): Card {
  // Worded as the digest's header and the meeting pack say it: "since" a date, "over" a span.
  const period = since
    ? `since the last meeting (${localDay(since, timeZone)})`
    : 'over the last six weeks';
  const sections = [
    aimSection(group),
    chartsSection(group),
    waitingSection(group, audience),
    cyclesSection(group, period),
    gapsSection(group, audience),
    questionsSection(group),
  ]
    .filter((s): s is CardSection => s !== null)
    .map((s) => (audience === 'channel' ? withoutCaseRefs(s, caseRefPattern) : s));
  const subtitle =
    audience === 'channel'
      ? 'Aim group'
      : 'Your aim group — private to its leads: it names cases';
  const buttons = group.charts.flatMap((c) =>
    (c.proposals ?? []).flatMap((p) => proposalButtons(p)),
  );
  return { title: group.name, subtitle, sections, ...(buttons.length > 0 && { buttons }) };
}

/**
 * A channel section with any case reference in its words replaced: titles and questions are typed
 * by people and may name a child, and the channel part goes to the whole group.
 */
function withoutCaseRefs(section: CardSection, caseRefPattern: string | undefined): CardSection {
  const pattern = compileCaseRefPattern(caseRefPattern);
  if (section.text === undefined) return section;
  return { ...section, text: replaceCaseReferences(section.text, pattern, '[case]') };
}

/**
 * Where the case references behind the counts are: in the leads' direct messages, or, for a group
 * with no lead, nowhere yet, which the meeting should hear (an admin names one).
 */
export function leadsNote(group: Pick<GroupDigest, 'key' | 'leads'>): string {
  if (group.leads.length > 0) return 'Case references are in the leads’ direct messages.';
  return `This group has no lead, so nobody has the case references yet: an admin can name one with \`group ${group.key} lead <name>\`.`;
}
