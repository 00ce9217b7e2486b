import { isCaseReference } from '../../../domain/case-reference.js';
import type { TurnContext } from '../../context.js';
import type { ActionHandler, Feature } from '../../registry.js';
import type { Reply } from '../../turn.js';
import { SHOW_CASE_VERB } from '../milestones/change-summary.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { HISTORY_VERB, TIMELINE_VERB, UNDO_VERB } from './case-card.js';
import { caseCommand, showCase, showTimeline } from './case-command.js';
import { caseHistory } from './case-history.js';
import { caseRefArg } from './case-ref-arg.js';
import { cancelErase, confirmErase, ERASE_VERB, KEEP_VERB } from './erase-case.js';
import { eraseCaseSaid } from './erase-case-said.js';
import { EXPORT_CASE_VERB, exportCase } from './export-case.js';
import { undoLastChange } from './undo-change.js';
import { UNDO_CONFIRM_VERB, UNDO_KEEP_VERB, askUndo } from './undo-card.js';
import { undoMine } from './undo-mine.js';
import { myCases, overdueCases } from './case-lists.js';
import { TEAM_ACTIONS, teamSentence } from './team-command.js';
import { waitingAt } from './waiting-at.js';
import { card } from '../../replies.js';

type CaseAction = (ctx: TurnContext, caseRef: string) => Promise<Reply[]>;

// A button's reference is checked like a typed one: button data comes from the client.
const byRef = (verb: string, run: CaseAction): ActionHandler => ({
  verb,
  run: (ctx, data) => run(ctx, caseRefArg(ctx, data.ref)),
});
const pendingId = (data: Record<string, unknown>) =>
  typeof data.pending === 'string' ? data.pending : '';

// "C1042", "show C1042", "journey for C1042", "C1042 journey": the reference alone shows the case.
const SHOW =
  /^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:journey\s+(?:of\s+|for\s+)?)?(\S+?)(?:\s+journey)?[.?!]?$/i;

const CASE_VIEW = /^(\S+?)\s+(history|timeline)[.?!]?$/i;

/** A child's journey: view, timeline, history, undo; export and erasure for admins. */
export const casesFeature: Feature = {
  commands: [
    {
      words: ['my', 'cases'],
      roles: ['member'],
      usage: 'my cases [team <team>]',
      example: 'my cases',
      summary: 'The children you have recorded dates for, where each stands and for how long.',
      run: (ctx, rest) => myCases(ctx, rest),
    },
    {
      words: ['overdue'],
      roles: ['lead', 'admin'],
      usage: 'overdue [team <team>]',
      example: 'overdue team North',
      summary: "Children past their group's aim in weeks, longest first, with who holds each (in a direct message).",
      run: (ctx, rest) => overdueCases(ctx, rest),
    },
    {
      words: ['waiting', 'at'],
      roles: ['lead', 'admin'],
      usage: 'waiting at <stage> [team <team>]',
      example: 'waiting at first LAC review',
      summary: "Children at a stage now, past your aim's weeks if an aim starts there, longest first, with who holds each.",
      run: (ctx, rest) => waitingAt(ctx, rest),
    },
    {
      words: ['undo'],
      roles: ['member'],
      usage: 'undo',
      example: 'undo',
      summary: 'Undo your last change to a child\'s dates (within a day); it asks first.',
      run: (ctx) => undoMine(ctx),
    },
    {
      words: ['case'],
      roles: ['member'],
      usage: 'case <case> [timeline|history|undo]',
      example: 'case C1042',
      summary:
        "A child's journey: milestones in order with the time between them, planned dates, " +
        'and how long the child has waited.',
      run: caseCommand,
    },
    {
      // Listed for admins in `help`; the first `case` command above runs it.
      words: ['case'],
      roles: ['admin'],
      usage: 'case <case> export|erase',
      example: 'case C1042 export',
      summary: 'Everything held on one case reference, as an Excel file; or erase it (asks first).',
      run: caseCommand,
    },
    {
      // Listed in its own right, so `help privacy` shows it beside `erase programme`.
      words: ['erase'],
      roles: ['admin'],
      usage: 'erase case <case>',
      example: 'erase case C1042',
      summary: "Erases everything held on one child's reference, after a card that says what goes (as `case <case> erase`).",
      run: eraseCaseSaid,
    },
  ],
  actions: [
    { verb: UNDO_KEEP_VERB, run: async () => [card({ title: 'Kept', sections: [{ text: 'Nothing changed.' }] }, true)] },
    byRef(SHOW_CASE_VERB, showCase),
    byRef(TIMELINE_VERB, showTimeline),
    byRef(HISTORY_VERB, caseHistory),
    // The case card's button asks first, like `case C1042 undo`; only the card's Undo changes anything.
    byRef(UNDO_VERB, askUndo),
    { verb: UNDO_CONFIRM_VERB, run: (ctx, data) => undoLastChange(ctx, caseRefArg(ctx, data.ref), data.entry) },
    byRef(EXPORT_CASE_VERB, exportCase),
    { verb: ERASE_VERB, run: (ctx, data) => confirmErase(ctx, pendingId(data)) },
    { verb: KEEP_VERB, run: (ctx, data) => cancelErase(ctx, pendingId(data)) },
    ...TEAM_ACTIONS,
  ],
  sentences: [
    teamSentence,
    {
      // "C1042 history", "C1042 timeline": the case card's buttons, typed the short way.
      name: 'case-history-or-timeline',
      async run(ctx, said) {
        const [, token, word] = CASE_VIEW.exec(said.trim()) ?? [];
        if (!token || !word || !isCaseReference(token, milestoneSettings(ctx).pattern)) return null;
        ctx.requireProgramme();
        return caseCommand(ctx, `${token} ${word.toLowerCase()}`);
      },
    },
    {
      name: 'show-case',
      async run(ctx, said) {
        const token = SHOW.exec(said.trim())?.[1];
        if (!token || !isCaseReference(token, milestoneSettings(ctx).pattern)) return null;
        ctx.requireProgramme();
        return showCase(ctx, caseRefArg(ctx, token));
      },
    },
  ],
};
