import { digestTimeFor, upcomingMeetings } from '../../../domain/meetings/index.js';
import type { TurnContext } from '../../context.js';
import type { Feature } from '../../registry.js';
import { text } from '../../replies.js';
import { DEFAULT_DIGEST, requireCadence } from '../../../programme/meetings/cadence-of.js';
import { moveMeeting, setCadence, setDigestTiming, skipMeeting } from './change-meetings.js';
import { describeWhen } from '../../../programme/meetings/describe-meeting.js';
import { MEETING_PACK_VERB, meetingPack } from './meeting-pack.js';

async function nextMeetings(ctx: TurnContext): Promise<string> {
  const programme = ctx.requireProgramme();
  const cadence = requireCadence(programme);
  const [next, ...later] = upcomingMeetings(cadence, ctx.now, 4);
  if (!next) return "No champions' meetings are planned.";
  const digest = programme.digest ?? DEFAULT_DIGEST;
  const digestAt = digestTimeFor(next.at, programme.timeZone, digest.workingDaysBefore, digest.time);
  return [
    `*Next champions' meeting:* ${describeWhen(next.at, programme.timeZone)}${next.moved ? ' (moved)' : ''}`,
    `Digest: ${digestAt > ctx.now ? describeWhen(digestAt, programme.timeZone) : 'already due — it goes out now'}`,
    later.length > 0 ? `Then: ${later.map((m) => describeWhen(m.at, programme.timeZone)).join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Champions' meeting dates: see them, set the cadence, move or skip one, and time the digest. */
export const meetingsFeature: Feature = {
  commands: [
    { words: ['meeting'], roles: ['member'], usage: 'meeting next', example: 'meeting next', summary: "When the next champions' meetings are, and when the digest goes out.", run: async (ctx) => [text(await nextMeetings(ctx))] },
    // The plural is what people type to see the dates; help lists it once, under `meeting next`.
    { words: ['meetings'], roles: ['member'], usage: 'meeting next', example: 'meeting next', summary: "When the next champions' meetings are, and when the digest goes out.", run: async (ctx) => [text(await nextMeetings(ctx))] },
    { words: ['meeting', 'next'], roles: ['member'], usage: 'meeting next', example: 'meeting next', summary: "When the next champions' meetings are, and when the digest goes out.", run: async (ctx) => [text(await nextMeetings(ctx))] },
    { words: ['meeting', 'set'], roles: ['admin', 'lead'], usage: 'meeting set every <n> weeks from <date> <time>', example: 'meeting set every 6 weeks from 14 Jan 10:00', summary: "Set the champions' meeting cadence.", run: async (ctx, rest) => [text(await setCadence(ctx, rest))] },
    { words: ['meeting', 'move'], roles: ['admin', 'lead'], usage: 'meeting move <date> to <date>', example: 'meeting move 14 Jan to 16 Jan', summary: 'Move one meeting; the cadence carries on.', run: async (ctx, rest) => [text(await moveMeeting(ctx, rest))] },
    { words: ['meeting', 'skip'], roles: ['admin', 'lead'], usage: 'meeting skip <date>', example: 'meeting skip 14 Jan', summary: 'Skip one meeting; the cadence carries on.', run: async (ctx, rest) => [text(await skipMeeting(ctx, rest))] },
    { words: ['meeting', 'pack'], roles: ['member'], usage: 'meeting pack', example: 'meeting pack', summary: "The next meeting's pack (PDF) to project or print: each group's aim, key chart, waiting, tests of change, gaps and questions. It names no child.", run: (ctx) => meetingPack(ctx) },
    { words: ['meeting', 'digest'], roles: ['admin', 'lead'], usage: 'meeting digest <n> working days before at <HH:MM>', example: 'meeting digest 2 working days before at 09:00', summary: 'When the digest goes out before each meeting.', run: async (ctx, rest) => [text(await setDigestTiming(ctx, rest))] },
  ],
  actions: [{ verb: MEETING_PACK_VERB, run: (ctx) => meetingPack(ctx) }],
  sentences: [
    {
      name: 'move-meeting',
      async run(ctx, said) {
        const match = /^(?:please\s+)?(move|skip|cancel)\s+(?:the\s+)?(.+?)\s+meeting\b(.*)$/i.exec(said);
        if (!match) return null;
        const rest = `${match[2]}${match[3]}`.trim();
        return [text(match[1]!.toLowerCase() === 'move' ? await moveMeeting(ctx, rest) : await skipMeeting(ctx, match[2]!))];
      },
    },
  ],
};
