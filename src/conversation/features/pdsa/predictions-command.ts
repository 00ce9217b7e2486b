import { VERDICT_WORDS } from '../../../domain/predictions/index.js';
import { ValidationError } from '../../../errors.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { predictionRecord, type QuarterTally } from '../../../programme/pdsa/prediction-record.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { predictionWords } from './prediction-section.js';

const LEARNING =
  '_Predictions are for learning: one that was not met teaches as much as one that was. This is not a league table._';

function tallyLine({ quarter, counts }: QuarterTally): string {
  const studied = counts.met + counts.partly_met + counts.not_met + counts.too_early;
  const parts = [`${counts.met} met`, `${counts.partly_met} partly met`, `${counts.not_met} not met (lessons)`];
  if (counts.too_early > 0) parts.push(`${counts.too_early} too early to say`);
  return `- ${quarter}: ${studied} studied — ${parts.join(', ')}`;
}

/** The groups this person may look at: every group for a coach or admin, the ones they lead otherwise. */
async function groupsFor(ctx: TurnContext, said: string): Promise<Group[]> {
  ctx.requireRole(['lead', 'coach'], "see the groups' predictions");
  const all = await ctx.store.groups.find({ archived: { $ne: true } }, { sort: { name: 1 } }).toArray();
  const visible = ctx.isAdmin || ctx.isCoach ? all : all.filter((g) => ctx.leadOf.some((l) => l.key === g.key));
  const key = /^group\s+(\S+)$/i.exec(said.trim())?.[1]?.toLowerCase();
  if (!key) return visible;
  const group = visible.find((g) => g.key === key);
  if (!group) throw new ValidationError('unknown_group', `You can see the predictions of: ${visible.map((g) => `\`${g.key}\``).join(', ') || 'no group'}. Say e.g. \`predictions group ${visible[0]?.key ?? 'permanence-milestones'}\`.`);
  return [group];
}

/** `predictions [group <key>]`: each group's checkable predictions and how often they were met, over time. */
export async function predictionsCommand(ctx: TurnContext, said: string): Promise<Reply[]> {
  const programme = ctx.requireProgramme();
  const groups = await groupsFor(ctx, said);
  const record = await predictionRecord(ctx.store, groups.map((g) => g.key), programme.timeZone);
  const measures = new Map((await listMeasures(ctx.store, ctx.now)).map((m) => [m.key, m]));
  const parts = record.map(({ groupKey, cycles, tally }) => {
    const group = groups.find((g) => g.key === groupKey)!;
    if (cycles.length === 0) return `*${plain(group.name)}*: no checkable predictions yet.`;
    const lines = cycles.slice(0, 10).map((c) => {
      const p = c.plan.checkable!;
      const measure = measures.get(p.measureKey) ?? { name: p.measureKey, unit: '' };
      const check = c.study?.predictionCheck;
      const outcome = check
        ? `${VERDICT_WORDS[check.verdict]}${check.verdict !== check.botVerdict ? ' (the group’s verdict; the bot read it differently)' : ''}`
        : 'not studied yet';
      return `- ${cycleId(c.number)} ${plain(c.title)}: ${predictionWords(p, measure)} — ${outcome}`;
    });
    const over = tally.length > 0 ? ['Over time:', ...tally.map(tallyLine)] : [];
    return [`*${plain(group.name)}*`, ...lines, ...over].join('\n');
  });
  return [text([LEARNING, ...parts].join('\n\n'))];
}
