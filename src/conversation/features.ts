import { casesFeature } from './features/cases/index.js';
import { helpFeature } from './features/help/index.js';
import { measuresFeature } from './features/measures/index.js';
import { meetingsFeature } from './features/meetings/index.js';
import { milestonesFeature } from './features/milestones/index.js';
import { pdsaFeature } from './features/pdsa/index.js';
import { promptsFeature } from './features/prompts/index.js';
import { remindersFeature } from './features/reminders/index.js';
import { changeIdeasFeature } from './features/change-ideas/index.js';
import { digestFeature } from './features/digest/index.js';
import { setupFeature } from './features/setup/index.js';
import { exportFeature } from './features/export/index.js';
import { retentionFeature } from './features/retention/index.js';
import { privacyFeature } from './features/privacy/index.js';
import { greetingFeature } from './features/greeting/index.js';
import { importFeature } from './features/import/index.js';
import { alertsFeature } from './features/alerts/index.js';
import { nudgesFeature } from './features/nudges/index.js';
import { peopleFeature } from './features/people/index.js';
import type { Feature } from './registry.js';

/** Every feature of the bot. Sentence interpreters are tried in this order. */
export const FEATURES: Feature[] = [
  greetingFeature,
  setupFeature,
  peopleFeature,
  importFeature,
  exportFeature,
  retentionFeature,
  privacyFeature,
  meetingsFeature,
  measuresFeature,
  pdsaFeature,
  changeIdeasFeature,
  digestFeature,
  promptsFeature,
  remindersFeature,
  alertsFeature,
  nudgesFeature,
  // Last before help: their sentences claim anything that looks like a case or a milestone.
  casesFeature, milestonesFeature,
  // help reads FEATURES lazily, at run time, so it lists every command registered here.
  helpFeature(() => FEATURES.flatMap((f) => f.commands ?? [])),
];
