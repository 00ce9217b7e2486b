import type { Card } from '../../cards/model.js';
import { describeWhen } from '../conversation/features/meetings/describe-meeting.js';
import { RULE_SET_NAMES } from '../conversation/features/measures/measure-chart-spec.js';
import type { Reply } from '../conversation/turn.js';
import type { DigestModel, GroupDigest } from './digest-model.js';
import { groupCard, waitingChartForChannel, type Audience } from './render-group.js';
import { localDay } from './render-lines.js';
import { SMALL_NUMBER_LIMIT } from './small-numbers.js';

export interface LeadDigest {
  userId: string;
  groupKeys: string[];
  replies: Reply[];
}

export interface RenderedDigest {
  channel: Reply[];
  leads: LeadDigest[];
}

function headerCard(model: DigestModel, audience: Audience): Card {
  const when = describeWhen(model.meeting.at, model.timeZone);
  const since = model.since ? `since the last meeting (${localDay(model.since, model.timeZone)})` : 'over the last six weeks';
  const reading = `Run charts are read with ${RULE_SET_NAMES[model.ruleSet]} rules.`;
  const privacy =
    audience === 'channel'
      ? `Counts under ${SMALL_NUMBER_LIMIT} show as “fewer than ${SMALL_NUMBER_LIMIT}”; case references go only to each group’s leads, privately.`
      : 'This message names cases: it is for you as a lead, not for the channel.';
  return {
    title: `${audience === 'channel' ? 'Digest' : 'Your group’s digest'} for the champions’ meeting, ${when}`,
    subtitle: model.programmeName,
    sections: [
      { text: `What each aim group’s charts say, who is still waiting, tests of change ${since}, data gaps and questions for discussion.` },
      { text: `${reading} ${privacy}` },
    ],
  };
}

function groupReplies(group: GroupDigest, audience: Audience, model: DigestModel): Reply[] {
  const charts: Reply[] = group.charts.map((c) => ({ kind: 'image', png: c.png, alt: c.alt, title: `${group.name}: ${c.name}` }));
  const waiting = group.waiting?.chart;
  const showWaiting = waiting && (audience === 'lead' || waitingChartForChannel(group));
  return [
    { kind: 'card', card: groupCard(group, audience, model.since, model.timeZone) },
    ...charts,
    ...(showWaiting ? [{ kind: 'image' as const, png: waiting.png, alt: waiting.alt, title: `${group.name}: children still waiting` }] : []),
  ];
}

/**
 * The digest as Replies: the channel's (counts only, small numbers suppressed) and one direct message
 * per lead with their groups' parts, case references included. A lead of two groups gets one message.
 */
export function renderDigest(model: DigestModel): RenderedDigest {
  const channel: Reply[] = [{ kind: 'card', card: headerCard(model, 'channel') }, ...model.groups.flatMap((g) => groupReplies(g, 'channel', model))];
  const leadIds = [...new Set(model.groups.flatMap((g) => g.leads))];
  const leads = leadIds.map((userId) => {
    const led = model.groups.filter((g) => g.leads.includes(userId));
    return {
      userId,
      groupKeys: led.map((g) => g.key),
      replies: [{ kind: 'card' as const, card: headerCard(model, 'lead') }, ...led.flatMap((g) => groupReplies(g, 'lead', model))],
    };
  });
  return { channel, leads };
}
