import type { Card } from '../../../../cards/model.js';
import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { ValidationError } from '../../../errors.js';
import {
  addCatalogueMilestone,
  type CatalogueChangeResult,
  renameCatalogueMilestone,
  retireCatalogueMilestone,
} from '../../../programme/cases/catalogue-changes.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { TurnContext } from '../../context.js';
import type { Command } from '../../registry.js';
import { card, plain, text } from '../../replies.js';
import type { Reply } from '../../turn.js';

/** A command's words, split at its keywords ("after", "also", "to"); quoted phrases stay whole. */
function clauses(rest: string, keywords: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>([['', []]]);
  let current = '';
  let words: string[] = [];
  const close = () => {
    if (words.length) found.get(current)!.push(words.join(' '));
    words = [];
  };
  for (const m of rest.matchAll(/"([^"]*)"|“([^”]*)”|([^\s,]+)|(,)/g)) {
    const quoted = m[1] ?? m[2];
    const word = m[3];
    if (quoted !== undefined) {
      close();
      found.get(current)!.push(quoted);
    } else if (word && keywords.includes(word.toLowerCase()) && (words.length > 0 || found.get(current)!.length > 0)) {
      close();
      current = word.toLowerCase();
      if (!found.has(current)) found.set(current, []);
    } else if (m[4]) {
      close();
    } else if (word) {
      words.push(word);
    }
  }
  close();
  return found;
}

function describeOrder(result: CatalogueChangeResult): string {
  const { milestone, catalogue } = result;
  if (milestone.notBefore.length === 0) return 'No expected order: any date is accepted';
  return milestone.notBefore.map((k) => catalogue.find((m) => m.key === k)?.label ?? k).join(', ');
}

function changeCard(title: string, result: CatalogueChangeResult, lines: string[]): Card {
  const { milestone } = result;
  const others = milestone.synonyms.filter((s) => s.toLowerCase() !== milestone.label.toLowerCase());
  return {
    title,
    facts: [
      { label: 'Milestone', value: plain(milestone.label) },
      ...(result.was ? [{ label: 'Was called', value: plain(result.was) }] : []),
      ...(others.length && !milestone.retired ? [{ label: 'Also understood', value: plain(others.slice(0, 8).join(', ')) }] : []),
      { label: 'Comes after', value: plain(describeOrder(result)) },
    ],
    sections: [{ text: lines.join('\n') }],
  };
}

function requireAdmin(ctx: TurnContext, what: string): void {
  ctx.requireProgramme();
  ctx.requireRole(['admin'], what);
}

async function add(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireAdmin(ctx, 'add milestones');
  const said = clauses(rest, ['after', 'also']);
  const name = said.get('')!.join(' ');
  if (!name) {
    throw new ValidationError('missing_name', 'Say the milestone’s name, e.g. `milestone add "sibling assessment" after "first LAC review" also "sib assessment"`.');
  }
  const result = await addCatalogueMilestone(ctx, { name, after: said.get('after'), also: said.get('also') });
  const example = `${milestoneSettings(ctx).caseRefExample} ${labelMidSentence(result.milestone.label)} 3 Nov`;
  return [card(changeCard('Milestone added', result, [`Members can now say: _${plain(example)}_`, 'It is offered in forms and the tracker import from now on.']))];
}

async function rename(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireAdmin(ctx, 'rename milestones');
  const said = clauses(rest, ['to', 'also']);
  const from = said.get('')!.join(' ');
  const to = (said.get('to') ?? []).join(' ');
  if (!from || !to) {
    throw new ValidationError('missing_name', 'Say the old and new names, e.g. `milestone rename "legal advice" to "legal gateway"`.');
  }
  const result = await renameCatalogueMilestone(ctx, { from, to, also: said.get('also') });
  return [card(changeCard('Milestone renamed', result, ['Dates already held keep their place, and the old name still works in messages.']))];
}

async function retire(ctx: TurnContext, rest: string): Promise<Reply[]> {
  requireAdmin(ctx, 'retire milestones');
  const name = clauses(rest, []).get('')!.join(' ');
  if (!name) throw new ValidationError('missing_name', 'Say which milestone, e.g. `milestone retire "CSO review"`.');
  const result = await retireCatalogueMilestone(ctx, name);
  return [
    card(
      changeCard('Milestone retired', result, [
        'Dates already recorded for it are kept in each child’s history and the export.',
        'It is no longer offered or read in new messages, and charts that use it say it is retired.',
      ]),
    ),
  ];
}

/** `milestones`: the catalogue in its expected order, with what each must come after. */
async function list(ctx: TurnContext): Promise<Reply[]> {
  const { catalogue } = milestoneSettings(ctx);
  const label = (key: string) => catalogue.find((m) => m.key === key)?.label ?? key;
  const lines = catalogue.map((m) => {
    const after = m.notBefore.length ? ` — after ${m.notBefore.map((k) => plain(labelMidSentence(label(k)))).join(', ')}` : '';
    return `- ${plain(m.label)}${m.retired ? ' _(retired)_' : after}`;
  });
  const hint = ctx.isAdmin ? '\nAdmins can `milestone add`, `milestone rename` or `milestone retire`.' : '';
  return [text(`*Milestones*, in the expected order\n${lines.join('\n')}${hint}`)];
}

/** An admin's changes to the milestone catalogue, each confirmed on a card and audited. */
export const CATALOGUE_COMMANDS: Command[] = [
  {
    words: ['milestones'],
    roles: ['member'],
    usage: 'milestones',
    example: 'milestones',
    summary: 'The milestones this programme tracks, in their expected order.',
    run: (ctx) => list(ctx),
  },
  {
    words: ['milestone', 'add'],
    roles: ['admin'],
    usage: 'milestone add "<name>" [after "<milestone>"] [also "<other words>"]',
    example: 'milestone add "sibling assessment" after "first LAC review" also "sib assessment"',
    summary: 'Add a milestone your area tracks, with the words people use for it and what it comes after.',
    run: add,
  },
  {
    words: ['milestone', 'rename'],
    roles: ['admin'],
    usage: 'milestone rename "<name>" to "<new name>" [also "<other words>"]',
    example: 'milestone rename "legal advice" to "legal gateway"',
    summary: 'Call a milestone what your area calls it; the old name still works.',
    run: rename,
  },
  {
    words: ['milestone', 'retire'],
    roles: ['admin'],
    usage: 'milestone retire "<name>"',
    example: 'milestone retire "CSO review"',
    summary: 'Stop offering a milestone; dates already held are kept.',
    run: retire,
  },
];
