import type { TurnContext } from '../../context.js';
import { card, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { journeyChart } from '../../../programme/cases/journey-chart.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { recordText } from '../milestones/record-text.js';
import { caseCard } from './case-card.js';
import { caseHistory } from './case-history.js';
import { caseRefArg, findCase } from './case-ref-arg.js';
import { askErase } from './erase-case.js';
import { exportCase } from './export-case.js';
import { keepCaseCommand } from './keep-case-command.js';
import { askUndo } from './undo-card.js';
import { setTeam } from './team-command.js';

/** How to use `case`, with the area's own reference (one its pattern accepts). */
const usage = (ctx: TurnContext) =>
  `Try \`case ${milestoneSettings(ctx).caseRefExample}\` for the journey, or add \`timeline\`, \`history\` or \`undo\`; ` +
  'admins can also `export` or `erase` a case.';

/** The journey card of one case. */
export async function showCase(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  return [card(await caseCard(ctx, await findCase(ctx, caseRef)))];
}

/** The journey as a timeline chart (an image with alt text listing every date). */
export async function showTimeline(ctx: TurnContext, caseRef: string): Promise<Reply[]> {
  const { catalogue, today } = milestoneSettings(ctx);
  const { png, alt } = await journeyChart(ctx.store, caseRef, catalogue, today);
  return [{ kind: 'image', png, alt, title: `${caseRef}: journey to permanence` }];
}

const SUBCOMMANDS: Record<string, (ctx: TurnContext, caseRef: string) => Promise<Reply[]>> = {
  show: showCase,
  journey: showCase,
  timeline: showTimeline,
  chart: showTimeline,
  history: caseHistory,
  undo: askUndo,
  export: exportCase,
  erase: askErase,
  delete: askErase,
};

/**
 * `case C1042 [timeline|history|undo|export|erase]`. Anything else after the reference is read as
 * a milestone statement ("case C1042 accommodated 3 Oct"), which confirms or teaches as usual.
 */
export async function caseCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireProgramme();
  const [token, word, ...more] = rest.trim().split(/\s+/);
  if (!token) return [text(usage(ctx))];
  const caseRef = caseRefArg(ctx, token);
  if (word?.toLowerCase() === 'keep') return keepCaseCommand(ctx, caseRef, more.join(' '));
  if (word?.toLowerCase() === 'team' && more.length > 0) return setTeam(ctx, caseRef, more.join(' '));
  const sub = SUBCOMMANDS[(word ?? 'show').toLowerCase()];
  if (sub && more.length === 0) return sub(ctx, caseRef);
  return recordText(ctx, rest);
}
