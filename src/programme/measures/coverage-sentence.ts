import type { MeasurePoint } from '../../domain/measures/index.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { ChartView, ChartWindow } from './chart-window.js';
import type { MeasureDefinition } from './measure-catalogue.js';
import { milestoneLabel } from '../cases/milestone-label.js';
import { describePeriod } from './month-words.js';
import { plain } from '../../../cards/plain-text.js';
import { childrenForGroup } from '../../digest/small-numbers.js';
import type { Audience } from './audience.js';

const children = (n: number) => (n === 1 ? '1 child' : `${n} children`);

/** "3 children", or for a group's eyes "fewer than 5 children": small counts can identify a child. */
function childCount(n: number, audience: Audience): string {
  return audience === 'group' ? childrenForGroup(n, children) : children(n);
}

/** "3 children are", "1 child is", "fewer than 5 children are". */
const childrenAre = (n: number, audience: Audience) => `${childCount(n, audience)} ${childCount(n, audience) === '1 child' ? 'is' : 'are'}`;

/**
 * What the chart covers, in words: whose points, over which period, and who is not on it yet.
 * Children still waiting are named here because leaving them off is what keeps the measure honest.
 */
export function coverageSentence(
  programme: Pick<Programme, 'milestones'>,
  data: {
    measure: MeasureDefinition;
    view: ChartView;
    window: ChartWindow;
    points: MeasurePoint[];
    waiting: number;
    partialMonth?: string;
    audience: Audience;
  },
): string {
  const { measure, partialMonth } = data;
  if (measure.kind === 'custom') return '';
  const partial = partialMonth
    ? ` ${describePeriod(partialMonth)} is left out until it is over: part of a month is not a result.`
    : '';
  return `${covered(programme, data)}${partial}`;
}

function covered(
  programme: Pick<Programme, 'milestones'>,
  data: Parameters<typeof coverageSentence>[1],
): string {
  const { measure, view, window, points, waiting, audience } = data;
  // Labels may come from a tracker's headings: plain text inside this markdown sentence.
  const end = plain(milestoneLabel(programme, measure.to!));
  const stillWaiting =
    waiting > 0
      ? ` ${capitalise(childrenAre(waiting, audience))} still waiting between ${plain(milestoneLabel(programme, measure.from!))} and ${end}, so not counted here (\`chart waiting\`).`
      : '';
  if (measure.kind === 'proportion') {
    // Here children still waiting past their deadline are counted, as not met.
    return `Each month shows the children whose ${measure.targetWeeks}-week deadline fell that month (${window.label}), including those still waiting.`;
  }
  if (view === 'monthly') {
    return `Each month shows the median for the children who reached ${end} that month (${window.label}).${stillWaiting}`;
  }
  // The order is only worth saying when there are two or more children to put in one.
  if (points.length === 0) return `No child has reached ${end} yet (${window.label}).${stillWaiting}`;
  const order = points.length > 1 ? ', shown in the order they reached it' : '';
  return `${capitalise(childCount(points.length, audience))} reached ${end} (${window.label})${order}.${stillWaiting}`;
}

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
