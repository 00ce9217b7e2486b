import { DateTime } from 'luxon';
import type { Card, CardButton } from '../../cards/model.js';
import { nextMeeting } from '../domain/meetings/index.js';
import type { Programme } from '../store/schemas/programme.js';
import { workspaceStore, type WorkspaceStore } from '../store/workspace-store.js';
import type { ConversationDeps } from './context.js';
import { cadenceOf } from '../programme/meetings/cadence-of.js';
import { describeWhen } from '../programme/meetings/describe-meeting.js';
import { nextStepButton, stageLabel, viewButton } from './features/pdsa/cycle-buttons.js';
import { cycleId } from '../programme/pdsa/cycle-id.js';
import { freeCaseRefExample } from '../programme/cases/case-ref-example.js';
import type { Turn } from './turn.js';

/** Who is looking at their home page; the parts of a Turn that matter here. */
export type HomeViewer = Pick<Turn, 'workspaceId' | 'user'> & {
  /** Where the home is shown: in a channel (a `hello` there) its entries are counted, not named. */
  inChannel?: boolean;
};

const RECENT_ENTRIES = 5;
/** Case audit actions (features/milestones/audit-case.ts) in words. */
const ENTRY_WORDS: Record<string, string> = { record: 'milestones recorded', undo: 'entry undone' };
/** A home view holds 100 blocks (platforms.md §1.7); a few tests each keep well inside that. */
const MAX_CYCLES = 8;

/**
 * A person's home page (Slack App Home): their open tests of change with the next step of each, the
 * next champions' meeting and their latest milestone entries. Reads only; opening the page creates
 * nothing, not even the member.
 */
export async function buildHome(viewer: HomeViewer, deps: ConversationDeps): Promise<Card[]> {
  const store = workspaceStore(deps.db, viewer.workspaceId);
  const now = deps.clock();
  const programme = await store.programmes.findOne({});
  if (!programme) {
    const text = 'This workspace has no programme yet. An admin can start with `setup`.';
    return [{ title: 'Welcome to pacebot', sections: [{ text }] }];
  }
  const [tests, entries] = await Promise.all([
    testsCard(store, viewer.user.id),
    entriesCard(store, viewer.user.id, programme, viewer.inChannel === true),
  ]);
  return [meetingCard(programme, now), tests, entries];
}

async function testsCard(store: WorkspaceStore, userId: string): Promise<Card> {
  const open = await store.pdsa
    .find({ ownerId: userId, stage: { $ne: 'act' } }, { sort: { number: 1 }, limit: MAX_CYCLES })
    .toArray();
  const newTest: CardButton = {
    id: 'home_new_test',
    label: 'New test of change',
    style: 'primary',
    action: { verb: 'pdsa.new', data: {} },
  };
  if (open.length === 0) {
    const sections = [{ text: 'You have no open tests of change.' }];
    return { title: 'Your tests of change', sections, buttons: [newTest] };
  }
  return {
    title: 'Your tests of change',
    facts: open.map((cycle) => ({
      label: `${cycleId(cycle.number)} ${cycle.title}`,
      value: stageLabel(cycle),
    })),
    buttons: [
      newTest,
      // Button ids must be unique within the card: prefix each with its cycle.
      ...open.flatMap((cycle) =>
        [nextStepButton(cycle), viewButton(cycle)].map((button) => ({
          ...button,
          id: `${cycle.number}_${button.id}`,
          label: `${cycleId(cycle.number)}: ${button.label}`,
        })),
      ),
    ],
  };
}

function meetingCard(programme: Programme, now: Date): Card {
  const cadence = cadenceOf(programme);
  const next = cadence ? nextMeeting(cadence, now) : null;
  const text = next
    ? `${describeWhen(next.at, programme.timeZone)}${next.moved ? ' (moved)' : ''}`
    : 'No meeting dates yet. A lead or admin can set them with `meeting set`.';
  return { title: "Next champions' meeting", subtitle: programme.name, sections: [{ text }] };
}

async function entriesCard(
  store: WorkspaceStore,
  userId: string,
  programme: Programme,
  inChannel: boolean,
): Promise<Card> {
  // Dates only (a team or a hand-over is not a milestone entry), each case once, its latest first.
  const latest = await store.audit
    .find({ 'actor.userId': userId, entity: 'case', action: { $in: Object.keys(ENTRY_WORDS) } }, { sort: { at: -1 }, limit: RECENT_ENTRIES * 4 })
    .toArray();
  const recent = latest.filter((entry, i) => latest.findIndex((e) => e.entityId === entry.entityId) === i).slice(0, RECENT_ENTRIES);
  if (recent.length === 0) {
    // A reference the area does not hold: the demo holds C1042, so the example named a child.
    const text = `None yet. Tell me a milestone, e.g. *${await freeCaseRefExample(store, programme)} accommodated 3 Oct*.`;
    return { title: 'Your recent milestone entries', sections: [{ text }] };
  }
  if (inChannel) {
    // Each entry names its child: a channel gets how many, and where to see them (a try-out: every
    // active member's `hello` in a channel was held back whole by the outgoing check).
    const text = `${recent.length === 1 ? '1 recent entry' : `${recent.length} recent entries`}: say \`hello\` to me in a direct message to see them.`;
    return { title: 'Your recent milestone entries', sections: [{ text }] };
  }
  const day = (at: Date) => DateTime.fromJSDate(at, { zone: programme.timeZone }).toFormat('d LLL');
  return {
    title: 'Your recent milestone entries',
    facts: recent.map((entry) => {
      const what = ENTRY_WORDS[entry.action] ?? entry.action.replace(/_/g, ' ');
      return { label: entry.entityId, value: `${what}, ${day(entry.at)}` };
    }),
  };
}
