import { compileCaseRefPattern, replaceCaseReferences } from '../domain/case-reference.js';
import type { Card } from '../../cards/model.js';
import { RULE_SET_NAMES } from '../programme/measures/measure-chart-spec.js';
import { describeWhen } from '../programme/meetings/describe-meeting.js';
import type { Reply } from '../conversation/turn.js';
import type { DigestModel, GroupDigest } from './digest-model.js';
import { groupCard, waitingChartForChannel, type Audience } from './render-group.js';
import { localDay } from './render-lines.js';
import { SMALL_NUMBER_LIMIT as LIMIT } from './small-numbers.js';

export interface LeadDigest {
  userId: string;
  groupKeys: string[];
  replies: Reply[];
}

export interface RenderedDigest {
  channel: Reply[];
  leads: LeadDigest[];
}

const PRIVACY: Record<Audience, string> = {
  channel:
    `Counts under ${LIMIT} show as “fewer than ${LIMIT}”; ` +
    'case references go only to each group’s leads, privately.',
  lead: 'This message names cases: it is for you as a lead, not for the channel.',
};

function headerCard(model: DigestModel, audience: Audience): Card {
  const { since, timeZone } = model;
  const when = describeWhen(model.meeting.at, timeZone);
  const period = since
    ? `since the last meeting (${localDay(since, timeZone)})`
    : 'over the last six weeks';
  const what = audience === 'channel' ? 'Digest' : 'Your group’s digest';
  const rules =
    `Run charts are read with ${RULE_SET_NAMES[model.ruleSet]} rules; control charts (I, C, P) with ` +
    '3-sigma limits and the Anhøj rules. Their badges follow NHS Making Data Count: [Variation] is ' +
    'special cause (improvement or concern) or common cause (no signal); [Target] says whether the ' +
    'target is consistently met, consistently missed, or hit and miss.';
  return {
    title: `${what} for the champions’ meeting, ${when}`,
    // A name kept from before names were checked for references (save-programme.ts) may hold one.
    subtitle: replaceCaseReferences(model.programmeName, compileCaseRefPattern(model.caseRefPattern), '[case]'),
    sections: [
      {
        text:
          'What each aim group’s charts say, who is still waiting, tests of change ' +
          `${period}, data gaps and questions for discussion.`,
      },
      { text: `${rules} ${PRIVACY[audience]}` },
    ],
  };
}

function groupReplies(group: GroupDigest, audience: Audience, model: DigestModel): Reply[] {
  const image = (png: Buffer, alt: string, title: string): Reply => ({
    kind: 'image',
    png,
    alt,
    title,
  });
  const charts = group.charts.map((c) => image(c.png, c.alt, `${group.name}: ${c.name}`));
  const waiting = group.waiting?.chart;
  const showWaiting = waiting && (audience === 'lead' || waitingChartForChannel(group));
  const barsTitle = `${group.name}: children still waiting`;
  const bars = showWaiting ? [image(waiting.png, waiting.alt, barsTitle)] : [];
  const card = groupCard(group, audience, model.since, model.timeZone, model.caseRefPattern);
  return [{ kind: 'card', card }, ...charts, ...bars];
}

/**
 * A part's replies after the header card each part opens with (how charts are read, who the part
 * is for): for showing a lead's part under the channel's, whose header has already said it.
 */
export function withoutHeader(replies: Reply[]): Reply[] {
  return replies[0]?.kind === 'card' ? replies.slice(1) : replies;
}

/**
 * The digest as Replies: the channel's (counts only, small numbers suppressed) and one direct
 * message per lead with their groups' parts, case references included. A lead of two groups gets
 * one message.
 */
export function renderDigest(model: DigestModel): RenderedDigest {
  const partsFor = (groups: GroupDigest[], audience: Audience): Reply[] => [
    { kind: 'card', card: headerCard(model, audience) },
    ...groups.flatMap((g) => groupReplies(g, audience, model)),
  ];
  const leadIds = [...new Set(model.groups.flatMap((g) => g.leads))];
  const leads = leadIds.map((userId) => {
    const led = model.groups.filter((g) => g.leads.includes(userId));
    return { userId, groupKeys: led.map((g) => g.key), replies: partsFor(led, 'lead') };
  });
  return { channel: partsFor(model.groups, 'channel'), leads };
}
