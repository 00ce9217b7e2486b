/** A time between two milestones, measured per child in weeks; shorter is better (less drift). */
export interface IntervalMeasureDefinition {
  id: string;
  name: string;
  from: string;
  to: string;
  unit: 'weeks';
  betterDirection: 'down';
}

const interval = (
  id: string,
  name: string,
  from: string,
  to: string,
): IntervalMeasureDefinition => ({
  id,
  name,
  from,
  to,
  unit: 'weeks',
  betterDirection: 'down',
});

/** The interval measures every programme starts with (domain.md: the four stage aims). */
export const DEFAULT_INTERVAL_MEASURES: readonly IntervalMeasureDefinition[] = [
  interval(
    'accommodated-to-permanence-recommendation',
    'Accommodation to permanence recommendation',
    'accommodated',
    'permanence_recommendation',
  ),
  interval(
    'permanence-recommendation-to-panel',
    'Permanence recommendation to panel',
    'permanence_recommendation',
    'permanence_panel',
  ),
  interval('panel-to-adm-decision', 'Panel to ADM decision', 'permanence_panel', 'adm_decision'),
  interval(
    'adm-decision-to-application-lodged',
    'ADM decision to court application lodged',
    'adm_decision',
    'application_lodged',
  ),
  interval(
    'accommodated-to-first-lac-review',
    'Accommodation to first LAC review',
    'accommodated',
    'first_lac_review',
  ),
  interval('cso-at-home-to-review', 'CSO at home to review', 'cso_at_home', 'cso_review'),
];

/** A stage measure's name by its id ("Accommodation to permanence recommendation"), or undefined. */
export function intervalMeasureName(id: string | undefined): string | undefined {
  return id ? DEFAULT_INTERVAL_MEASURES.find((m) => m.id === id)?.name : undefined;
}
