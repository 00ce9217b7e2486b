import type { Card, CardButton } from '../../../cards/model.js';
import type { ChartView } from './chart-window.js';
import type { PhaseProposal } from './split-proposals.js';
import { cycleId } from '../pdsa/cycle-id.js';
import { plain } from '../../../cards/plain-text.js';

export const ACCEPT_SPLIT = 'split.accept';
export const ACCEPT_SPLIT_SAVE = 'split.accept.save';
export const DISMISS_SPLIT = 'split.dismiss';

/**
 * A proposed phase with its two buttons. The buttons carry the measure, test and view only, never
 * the point: a per-child point is a child, and buttons may sit in a channel. The handler works the
 * proposal out again, so one that no longer stands is not acted on.
 */
export function proposalCard(
  proposal: PhaseProposal,
  view: ChartView,
  options: { mayDecide: boolean; groupName?: string },
): Card {
  const who = options.mayDecide
    ? '_A lead, a coach or an admin decides, with a reason. Nothing changes on the chart until someone accepts._'
    : // Buttons that only refuse would waste a tap: say who decides, so the reader can ask them.
      `_${options.groupName ? `A lead of ${plain(options.groupName)}` : 'A lead'}, a coach or an admin decides, with a reason: tell them if you think ${cycleId(proposal.testNumber)} changed this. Nothing changes on the chart until someone accepts._`;
  return {
    title: 'A new phase?',
    sections: [{ text: `${proposal.sentence}\n${who}` }],
    ...(options.mayDecide ? { buttons: proposalButtons({ ...proposal, view }) } : {}),
  };
}

/** Accept and Dismiss for one proposal (the digest puts them on its group's card). */
export function proposalButtons(p: { measureKey: string; testNumber: number; view: ChartView }): CardButton[] {
  const data = { measure: p.measureKey, test: p.testNumber, view: p.view };
  const id = `${p.measureKey}-${p.testNumber}`;
  return [
    { id: `accept-${id}`, label: `Accept phase at T-${p.testNumber}…`, style: 'primary', action: { verb: ACCEPT_SPLIT, data } },
    { id: `dismiss-${id}`, label: `Dismiss T-${p.testNumber} phase`, action: { verb: DISMISS_SPLIT, data } },
  ];
}
