import { DEFAULT_INTERVAL_MEASURES, intervalMeasureName } from '../../../domain/measures/index.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { card, plain } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { findMeasure } from '../measures/find-measure.js';
import { saveGroup } from './save-group.js';
import { aimWeeks } from '../../../programme/measures/aim-weeks.js';

/**
 * `group <g> measure <measure>`: the aim's key measure, typed (the same as the aim form's "Key
 * measure" choice). An aim in weeks is timed on its key measure's stage, so `overdue` and the drift
 * alerts need one; on a phone a line is quicker than the form. One of the stage measures only, as
 * in the form; saved through the same model function, audited.
 */
export async function setKeyMeasure(ctx: TurnContext, group: Group, said: string): Promise<Reply[]> {
  ctx.requireRole(['admin', 'lead'], 'change this aim group', group);
  const usage = `Say \`group ${group.key} measure <measure>\` with its name, its key, or its first letters (\`acc-rec\`). The stage measures:${stageMeasures()}`;
  if (!group.aim) {
    throw new ValidationError('no_aim', `*${plain(group.name)}* has no aim yet, so it has no key measure. Give it one first with \`group ${group.key} aim\`.`);
  }
  if (!said.trim()) throw new ValidationError('no_measure', `Which measure? ${usage}`);
  const stages = new Set(DEFAULT_INTERVAL_MEASURES.map((m) => m.id));
  const candidates = (await listMeasures(ctx.store, ctx.now)).filter((m) => stages.has(m.key));
  let measure;
  try {
    measure = findMeasure(candidates, said);
  } catch (error) {
    // "I don't know a measure called …" would offer `measure new`: a key measure is a stage measure.
    if (error instanceof NotFoundError) {
      throw new ValidationError('unknown_measure', `"${plain(said.trim())}" is not one of the stage measures. ${usage}`);
    }
    throw error;
  }
  const { aim } = group;
  // An aim in weeks ("12 weeks", "95% within 26 weeks") draws its weeks as the chart's target line,
  // unless the form already set one. Stored, so it is what the charts draw (group-target-line.ts).
  const fromForm = aim.targetValue !== undefined;
  const targetLine = aim.targetValue ?? aimWeeks(group) ?? undefined;
  await saveGroup(ctx, {
    key: group.key,
    name: group.name,
    aimStatement: aim.statement,
    aimTarget: aim.target,
    aimTargetDate: aim.targetDate,
    aimMeasureKey: measure.key,
    ...(targetLine !== undefined ? { aimTargetValue: targetLine } : {}),
  });
  // What they typed, when short, is how they will want to ask for the chart ("acc-rec").
  const asked = said.trim().length <= 20 && !/\s/.test(said.trim()) ? said.trim().toLowerCase() : measure.key;
  const was = intervalMeasureName(aim.measureKey);
  return [
    card({
      title: aim.measureKey === measure.key ? 'Key measure unchanged' : 'Key measure set',
      facts: [
        { label: 'Group', value: plain(group.name) },
        { label: 'Key measure', value: plain(measure.name) },
        ...(was && aim.measureKey !== measure.key ? [{ label: 'Was', value: plain(was) }] : []),
        { label: 'Target', value: plain(aim.target) },
        // Where the line comes from, and where it shows: the form's "Target line" field is the same one.
        ...(targetLine !== undefined
          ? [{ label: 'Target line', value: `${targetLine} weeks${fromForm ? '' : ' (the aim’s weeks)'}, drawn on the key measure’s chart` }]
          : []),
      ],
      sections: [{ text: `The digest charts it for the aim, and \`overdue\` and the drift alerts time children on it. See it with \`chart ${plain(asked)}\`.` }],
    }),
  ];
}

/** One line each, so a phone shows a list rather than a paragraph of long keys. */
function stageMeasures(): string {
  return DEFAULT_INTERVAL_MEASURES.map((m) => `\n• ${m.name}: \`${m.id}\``).join('');
}
