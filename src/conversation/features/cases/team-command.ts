import { isCaseReference } from '../../../domain/case-reference.js';
import { setCaseTeam } from '../../../programme/cases/case-team.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { TurnContext } from '../../context.js';
import type { SentenceInterpreter } from '../../registry.js';
import type { Card } from '../../../../cards/model.js';
import type { ActionHandler } from '../../registry.js';
import { card, form, plain } from '../../replies.js';
import { TEAM_FORM_VERB } from './case-card.js';
import type { Reply } from '../../turn.js';
import { caseRefArg } from './case-ref-arg.js';

// "C1042 team North", "C1042 locality: North", "C1042 area office Eastfield", "C1042 no team".
const TEAM_SENTENCE = /^(\S+)\s+(?:(no)\s+team|(?:team|locality|area\s+office)\s*[:=]?\s+(.+?))[.!]?$/i;

/** Puts a case in a team and says so on a card; in a channel the card names no case. */
export async function setTeam(ctx: TurnContext, caseRef: string, team: string | null): Promise<Reply[]> {
  ctx.requireProgramme();
  const { team: now, was, started } = await setCaseTeam(ctx, caseRef, team);
  const direct = ctx.turn.conversation.kind === 'direct';
  if (!now && !was) {
    // Nothing to take away, and nothing written: a case is never started without a team.
    return [card({ title: 'Team unchanged', sections: [{ text: direct ? `${caseRef} is in no team.` : 'That case is in no team.' }] })];
  }
  const facts = [
    ...(direct ? [{ label: 'Case', value: caseRef }] : []),
    { label: 'Team', value: now ? plain(now) : 'none' },
    ...(was !== now ? [{ label: 'Was', value: was ? plain(was) : 'none' }] : []),
  ];
  const unchanged = was === now;
  const byTeam = `Lists and charts can ${unchanged ? '' : 'now '}be asked for by team, e.g. \`overdue team ${plain(now ?? '')}\`.`;
  const hint = now ? byTeam : 'It is no longer in a team.';
  // A case started by its team shows in lists once it has a date; in a channel it stays unnamed.
  const first = started && direct ? [{ text: `I hold no dates for ${caseRef} yet: record its first, e.g. \`${caseRef} accommodated 3 Oct\`.` }] : [];
  return [card({ title: unchanged ? 'Team unchanged' : 'Team set', facts, sections: [...first, { text: hint }] })];
}

/** `C1042 team North`: a team for a case, said as a sentence. */
export const teamSentence: SentenceInterpreter = {
  name: 'case-team',
  async run(ctx, said) {
    const found = TEAM_SENTENCE.exec(said.trim());
    if (!found || !isCaseReference(found[1]!, milestoneSettings(ctx).pattern)) return null;
    return setTeam(ctx, caseRefArg(ctx, found[1]!), found[2] ? null : found[3]!);
  },
};

const TEAM_SAVE_VERB = 'case.team.save';

/** The team form: one field, blank to take the case out of its team. */
function teamForm(caseRef: string, team: string | undefined): Card {
  const data = { ref: caseRef };
  return {
    title: `${caseRef}: team`,
    form: {
      id: 'case.team',
      title: 'Team or locality',
      inputs: [
        { kind: 'text', id: 'team', label: 'Team or locality', value: team ?? '', maxLength: 40, placeholder: 'e.g. North', hint: 'Leave blank for no team. Lists and charts can then be asked for by team.' },
      ],
      submitLabel: 'Save',
      submit: { verb: TEAM_SAVE_VERB, data },
      openAction: { verb: TEAM_FORM_VERB, data },
    },
  };
}

const refOf = (ctx: TurnContext, data: Record<string, unknown>) => caseRefArg(ctx, data.ref);

/** The case card's Team button and the form it opens; the form's text passes the identifier guard. */
export const TEAM_ACTIONS: ActionHandler[] = [
  {
    verb: TEAM_FORM_VERB,
    async run(ctx, data) {
      const caseRef = refOf(ctx, data);
      const held = await ctx.store.cases.findOne({ caseRef }, { projection: { team: 1 } });
      return [form(teamForm(caseRef, held?.team))];
    },
  },
  {
    verb: TEAM_SAVE_VERB,
    run(ctx, data, values) {
      const said = typeof values.team === 'string' ? values.team.trim() : '';
      return setTeam(ctx, refOf(ctx, data), said === '' ? null : said);
    },
    form: (ctx, data, values) => teamForm(refOf(ctx, data), typeof values.team === 'string' ? values.team : undefined),
  },
];
