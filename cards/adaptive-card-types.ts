/**
 * The slice of the Adaptive Card 1.5 schema (adaptivecards.io/schemas/adaptive-card.json) that the
 * renderer produces. Loose on purpose: element properties are checked by tests against the schema
 * rules, not by the compiler.
 */
export interface AcElement {
  type: string;
  [property: string]: unknown;
}

export interface AcAction {
  type: 'Action.Execute' | 'Action.Submit';
  title: string;
  id?: string;
  verb?: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  fallback?: AcAction;
}

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: AcElement[];
  actions?: AcAction[];
  /** Shown by clients older than `version`; the same plain summary as Slack's `text`. */
  fallbackText?: string;
}
