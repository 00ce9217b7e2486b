import type { ConversationDeps } from '../conversation/context.js';
import { describeDay } from '../programme/meetings/describe-meeting.js';
import { buildContext } from '../conversation/lazy-turn.js';
import { normaliseCommandText } from '../conversation/match-command.js';
import { text } from '../conversation/replies.js';
import type { Reply, Turn } from '../conversation/turn.js';
import { AppError } from '../errors.js';

/** The verb of the local chat's "Load demo data" button. */
export const DEMO_LOAD_VERB = 'demo.load';

/** Whether a turn asks for the demo: the typed command `demo load`, or the button. */
export function isDemoLoadTurn(turn: Turn): boolean {
  if (turn.action) return turn.action.verb === DEMO_LOAD_VERB;
  return /^demo load$/i.test(normaliseCommandText(turn.text ?? ''));
}

/**
 * Loads Glenmoray for an admin of the workspace (in an empty workspace, whoever arrives first is its
 * admin). Only the local chat offers this: a real Slack or Teams workspace must never get demo data.
 */
export async function demoLoadTurn(turn: Turn, deps: ConversationDeps): Promise<Reply[]> {
  const ctx = await buildContext(turn, deps);
  try {
    ctx.requireRole(['admin'], 'load demo data');
    // Imported here: generating Glenmoray (measures, run charts, about 25 modules) is needed only when
    // someone asks for it, not before the local chat's server answers /healthz (issue 14).
    const { loadDemo } = await import('./load-demo.js');
    const summary = await loadDemo(deps.db, turn.workspaceId, { now: ctx.now, actor: ctx.actor(), platform: turn.platform });
    deps.logger.info({ code: 'demo_loaded', workspaceId: turn.workspaceId, cases: summary.cases }, 'demo data loaded');
    return [
      text(
        [
          `*${summary.programme}* is loaded: ${summary.groups} aim groups, ${summary.cases} children (C1001–C${1000 + summary.cases}), ` +
            `${summary.cycles} tests of change, ${summary.measures} measures with ${summary.dataPoints} monthly values and ${summary.prompts} coach's prompts and questions. ` +
            `The next champions' meeting is on ${describeDay(summary.nextMeeting)}.`,
          'Try these:',
          '- *C1151 accommodated yesterday* — log a milestone, then confirm it',
          '- `chart accommodation to permanence recommendation` — a run chart with its tests of change',
          '- `pdsa new` — plan a test of change',
          '- `help` — everything you can do as this person',
        ].join('\n'),
      ),
    ];
  } catch (error) {
    if (error instanceof AppError && !error.reportable) return [text(error.userMessage)];
    throw error;
  }
}
