import type { Filter } from 'mongodb';
import { ValidationError } from '../../../errors.js';
import type { PdsaCycle, PdsaStage } from '../../../store/schemas/pdsa.js';
import { wordsFor } from '../../channel-text.js';
import type { TurnContext } from '../../context.js';
import { findGroup } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { stageLabel } from './cycle-buttons.js';
import { cycleId } from '../../../programme/pdsa/cycle-id.js';
import { plain } from '../../replies.js';

const SHOWN = 15;
// A Map, because the words are typed: a plain object would take "constructor" for a status.
const STATUS = new Map<string, Filter<PdsaCycle>>(Object.entries({
  plan: { stage: 'plan' },
  planned: { stage: 'plan' },
  do: { stage: 'do' },
  done: { stage: 'do' },
  study: { stage: 'study' },
  studied: { stage: 'study' },
  act: { stage: 'act' },
  decided: { stage: 'act' },
  closed: { stage: 'act' },
  open: { stage: { $ne: 'act' as PdsaStage } },
}));

/**
 * An empty list of one's own tests says where to look next: the group's tests (one's own groups
 * first), everyone's, and how to start one, so a new member is not left at a dead end.
 */
async function noneOfMine(ctx: TurnContext, filter: Filter<PdsaCycle>): Promise<string> {
  const filtered = filter.stage !== undefined;
  const groups = await ctx.store.groups
    .find({ $or: [{ members: ctx.turn.user.id }, { leads: ctx.turn.user.id }] }, { projection: { key: 1 }, sort: { key: 1 } })
    .toArray();
  const where = groups.length > 0 ? `\`pdsa list group ${groups[0]!.key}\` for your group's tests, ` : '';
  return [
    filtered ? 'You have no tests of change at that stage.' : 'You have no tests of change yet.',
    `See ${where}\`pdsa list all\` for everyone's.`,
    'Start one of your own with `pdsa new`.',
  ].join('\n');
}

/** `pdsa list [all|mine] [group <g>] [status <s>]`: a compact list, newest first. Default: mine. */
export async function listCycles(ctx: TurnContext, rest: string): Promise<string> {
  const args = splitArgs(rest).map((a) => a.toLowerCase());
  const filter: Filter<PdsaCycle> = {};
  let whose = 'Your';
  let mine = true;
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i]!;
    if (word === 'all') mine = false;
    else if (word === 'mine') mine = true;
    else if (word === 'group' && args[i + 1]) {
      const group = await findGroup(ctx, args[++i]!);
      filter.groupKey = group.key;
      whose = plain(group.name);
      mine = false;
    } else if ((word === 'status' || word === 'stage') && STATUS.has(args[i + 1] ?? ''))
      Object.assign(filter, STATUS.get(args[++i]!));
    else if (STATUS.has(word)) Object.assign(filter, STATUS.get(word));
    else {
      throw new ValidationError(
        'bad_list_filter',
        `I can list by \`all\`, \`group <group>\` or \`status plan|do|study|act|open\`, e.g. \`pdsa list group permanence-milestones status study\`. I didn't follow "${plain(args[i]!)}".`,
      );
    }
  }
  if (mine) filter.ownerId = ctx.turn.user.id;
  else if (whose === 'Your') whose = 'All';
  const cycles = await ctx.store.pdsa
    .find(filter, { sort: { number: -1 }, limit: SHOWN + 1 })
    .toArray();
  if (cycles.length === 0) return mine ? await noneOfMine(ctx, filter) : 'No tests of change match that. Try `pdsa list all`.';
  const words = wordsFor(ctx);
  const lines = cycles
    .slice(0, SHOWN)
    .map(
      (c) =>
        `- *${cycleId(c.number)}* ${plain(words(c.title))} — ${stageLabel(c)}${mine ? '' : ` · ${plain(c.ownerName)}`}`,
    );
  if (cycles.length > SHOWN)
    lines.push(`Showing the newest ${SHOWN}. Narrow it, e.g. \`pdsa list status open\`.`);
  return [`*${whose} tests of change*`, ...lines, 'Open one: `pdsa T-<n>`.'].join('\n');
}
