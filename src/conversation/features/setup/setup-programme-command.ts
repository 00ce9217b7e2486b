import { findIdentifier } from '../../../domain/identifiers/find-identifier.js';
import { identifierMessage } from '../../../domain/identifiers/identifier-error.js';
import type { TurnContext } from '../../context.js';
import { splitArgs } from '../../match-command.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { checkProgrammeInput, saveProgramme } from './save-programme.js';

export const RENAME_PROGRAMME_VERB = 'setup.programme.rename';
export const KEEP_PROGRAMME_VERB = 'setup.programme.keep';

/**
 * `setup programme "<name>" [tz <zone>] [rules ihi|anhoej] [pattern <ref>]`. The first time it creates
 * the programme; after that a different name is a rename, asked on a card first, since everyone sees
 * the programme's name and a stray `setup programme` should not quietly change it.
 */
export async function setupProgrammeCommand(ctx: TurnContext, rest: string): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'set up the programme');
  const args = splitArgs(rest);
  const named = (word: string) => {
    const i = args.findIndex((a) => a.toLowerCase() === word);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const timeZone = named('tz');
  const ruleSet = named('rules')?.toLowerCase();
  const pattern = named('pattern');
  const existing = ctx.programme;
  const input = {
    name: args.join(' ') || existing?.name || '',
    timeZone: timeZone ?? existing?.timeZone,
    ruleSet: ruleSet ?? existing?.ruleSet,
    caseRefPattern: pattern ?? existing?.caseRefPattern,
  };
  // Refused before any card, so the card never offers a change that cannot be made.
  const checked = checkProgrammeInput(input);
  if (existing && checked.name !== existing.name) {
    return [
      card({
        title: `Rename the programme from ${plain(existing.name)} to ${plain(checked.name)}?`,
        sections: [{ text: 'Everyone will see the new name. Groups, cases and tests of change stay as they are.' }],
        buttons: [
          { id: 'rename', label: 'Rename', style: 'primary', action: { verb: RENAME_PROGRAMME_VERB, data: { from: existing.name, ...checked } } },
          { id: 'keep', label: `Keep ${plain(existing.name)}`, action: { verb: KEEP_PROGRAMME_VERB, data: {} } },
        ],
      }),
    ];
  }
  const saved = await saveProgramme(ctx, input);
  return [text(savedSummary(saved, !existing))];
}

/** The Rename button: saves (audited) only if the programme is still called what the card said. */
export async function confirmRename(ctx: TurnContext, data: Record<string, unknown>): Promise<Reply[]> {
  ctx.requireRole(['admin'], 'rename the programme');
  const current = ctx.requireProgramme();
  if (current.name !== data.from) {
    return [card({ title: 'Not renamed', sections: [{ text: `The programme is now called *${plain(current.name)}*, so nothing changed. Say \`setup programme "<name>"\` again if you still want to rename it.` }] }, true)];
  }
  const { from: _from, ...input } = data;
  // A button's data comes back from the client, so the name is checked again as typed words are.
  const found = findIdentifier(String(input.name ?? ''), ctx.now);
  if (found) return [text(identifierMessage(found.kind))];
  const saved = await saveProgramme(ctx, input);
  return [card({ title: 'Programme renamed', sections: [{ text: `The programme is now called *${plain(saved.name)}* (it was ${plain(String(data.from))}).` }] }, true)];
}

/** What was saved; only a new programme is pointed at its next step. */
export function savedSummary(saved: { name: string; timeZone: string; ruleSet: string }, created: boolean): string {
  const rules = saved.ruleSet === 'ihi' ? 'IHI' : 'Anhøj';
  return `Programme *${plain(saved.name)}* saved: time zone ${saved.timeZone}, ${rules} run-chart rules.${created ? ' Next: `group new` to add an aim group.' : ''}`;
}
