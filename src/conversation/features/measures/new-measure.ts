import { ValidationError } from '../../../errors.js';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';
import type { Group } from '../../../store/schemas/group.js';
import { flushPendingAudit, pendingAuditOf } from '../../../programme/audit/pending-audit.js';
import type { TurnContext } from '../../context.js';
import { findGroup, groupKeyFrom } from '../../find-group.js';
import { splitArgs } from '../../match-command.js';
import { EMPTY_SETTINGS, listMeasures } from '../../../programme/measures/measure-catalogue.js';
import { checkValue, describeUnitRule } from './unit-rules.js';
import { valueWithUnit } from '../../../programme/measures/value-with-unit.js';
import { plain } from '../../replies.js';

const USAGE =
  '`measure new "Template use" unit % better up target 80 group legal-processes monthly`';
// Maps, because the words are typed: a plain object would take "constructor" for a frequency.
const FREQUENCIES = new Map([
  ['monthly', 'monthly'],
  ['weekly', 'weekly'],
  ['per-meeting', 'per-meeting'],
] as const);
const DIRECTIONS = new Map<string, 'up' | 'down'>([
  ['up', 'up'],
  ['higher', 'up'],
  ['down', 'down'],
  ['lower', 'down'],
]);

function refuse(message: string): ValidationError {
  return new ValidationError('bad_measure', `${message} For example: ${USAGE}.`);
}

/** `measure new "<name>" unit <u> better up|down [target <n>] [group <g>] [monthly|weekly|per-meeting]`. */
export async function newMeasure(ctx: TurnContext, rest: string): Promise<string> {
  ctx.requireProgramme();
  const args = splitArgs(rest);
  const named = (word: string) => {
    const i = args.findIndex((a) => a.toLowerCase() === word);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const unitSaid = named('unit');
  const betterSaid = named('better')?.toLowerCase();
  const targetSaid = named('target');
  const groupSaid = named('group');
  const frequencyAt = args.findIndex((a) => FREQUENCIES.has(a.toLowerCase() as never));
  const frequency =
    frequencyAt >= 0
      ? FREQUENCIES.get(args.splice(frequencyAt, 1)[0]!.toLowerCase() as never)!
      : 'monthly';
  const group: Group | undefined = groupSaid ? await findGroup(ctx, groupSaid) : undefined;
  ctx.requireRole(['lead', 'coach', 'admin'], 'define measures', group);

  const name = args.join(' ').trim();
  if (name.length < 2 || name.length > 80)
    throw refuse('Give the measure a name in quotes (2 to 80 characters).');
  refuseChildForChannel(ctx, `${name} ${unitSaid ?? ''}`, 'A measure’s name', { where: 'is shown in channels and digests' });
  if (!unitSaid)
    throw refuse('Say its unit: % for a percentage, or what it counts (reports, children, days).');
  const unit = /^(%|percent|per-?cent)$/i.test(unitSaid)
    ? '%'
    : unitSaid.toLowerCase().slice(0, 20);
  const betterDirection = betterSaid ? DIRECTIONS.get(betterSaid) : undefined;
  if (!betterDirection) {
    throw refuse(
      'Say which way is better, `better up` or `better down`: the run chart uses it to tell the group whether a shift is good news.',
    );
  }
  const target = targetSaid === undefined ? undefined : Number(targetSaid.replace(/%$/, ''));
  if (target !== undefined) checkValue(target, unit, `The target for ${name}`);

  const key = groupKeyFrom(name);
  const existing = await listMeasures(ctx.store, ctx.now);
  const clash = existing.find((m) => m.key === key || m.name.toLowerCase() === name.toLowerCase());
  if (key.length < 2 || clash) {
    throw new ValidationError(
      'measure_exists',
      `There is already a measure called *${plain(clash?.name ?? name)}* (\`${clash?.key ?? key}\`). Choose another name.`,
    );
  }
  const measure = {
    key,
    kind: 'custom' as const,
    name,
    unit,
    frequency,
    betterDirection,
    ...(target !== undefined ? { target } : {}),
    ...(group ? { groupKey: group.key } : {}),
    settings: EMPTY_SETTINGS,
    version: 0,
    createdBy: ctx.actor(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // The audit entry travels with the measure and is written right after (pending-audit.ts).
  const pendingAudit = pendingAuditOf(ctx, { entity: 'measure', entityId: key, action: 'create', before: null, after: measure });
  const { insertedId } = await ctx.store.measures.insertOne({ ...measure, pendingAudit });
  await flushPendingAudit(ctx.store, 'measures', [{ ...measure, pendingAudit, _id: insertedId, workspaceId: ctx.store.workspaceId }]);
  const details = [
    `values are ${describeUnitRule(unit)}`,
    `${betterDirection === 'up' ? 'higher' : 'lower'} is better`,
    ...(target !== undefined ? [`target ${plain(valueWithUnit(target, unit))}`] : []),
    frequency,
    ...(group ? [`for ${plain(group.name)}`] : []),
  ];
  return `Measure *${plain(name)}* created (\`${key}\`): ${details.join(', ')}. Record values in your own words, e.g. *${plain(name.toLowerCase())} ${frequency === 'monthly' ? 'October' : '3 Nov'} ${unit === '%' ? '64%' : '12'}*.`;
}
