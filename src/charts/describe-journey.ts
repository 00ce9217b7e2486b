import { dayNumber } from './day-axis.js';
import { formatInterval } from './format-interval.js';
import { formatXLabel } from './format-x-label.js';
import type { ParsedJourneySpec } from './journey-spec.js';

/** Alt text for a journey timeline: every milestone with its date and the time since the one before. */
export function describeJourney(spec: ParsedJourneySpec): string {
  const { milestones } = spec;
  const steps = milestones.map((m, i) => {
    const when = `${m.planned ? 'planned for' : 'on'} ${formatXLabel(m.date, 'long')}`;
    if (i === 0) return `${m.label} ${when}`;
    const gap = formatInterval(dayNumber(m.date) - dayNumber(milestones[i - 1].date));
    return `${m.label} ${when}, ${gap} later`;
  });
  const period =
    milestones.length === 1
      ? formatXLabel(milestones[0].date, 'long')
      : `${formatXLabel(milestones[0].date, 'long')} to ${formatXLabel(milestones.at(-1)?.date ?? '', 'long')}`;
  const asOf = spec.asOf === undefined ? '' : ` As of ${formatXLabel(spec.asOf, 'long')}.`;
  return `Timeline of the journey of ${spec.caseRef}, ${period}: ${steps.join('; ')}.${asOf}`;
}
