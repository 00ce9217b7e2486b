import type { ConversationDeps, TurnContext } from './context.js';
import type { Reply, Turn } from './turn.js';

type TurnModule = typeof import('./handle-turn.js');
type FeaturesModule = typeof import('./features.js');

let turnModule: Promise<TurnModule> | undefined;
let featuresModule: Promise<FeaturesModule> | undefined;

/**
 * The conversation core (handle-turn.ts and every feature, about 200 modules) loads on the first
 * turn, or when main.ts warms it up just after listening, instead of before `/healthz` can answer:
 * loading it was about a tenth of pacebot's start-up CPU (issue 14, bench/RESULTS.md). The adapters,
 * metrics and demo call these instead of importing handle-turn.ts themselves.
 */
export function loadConversation(): Promise<TurnModule> {
  turnModule ??= import('./handle-turn.js');
  return turnModule;
}

export function loadFeatures(): Promise<FeaturesModule> {
  featuresModule ??= import('./features.js');
  return featuresModule;
}

export async function handleTurn(turn: Turn, deps: ConversationDeps): Promise<Reply[]> {
  return (await loadConversation()).handleTurn(turn, deps);
}

export async function buildContext(turn: Turn, deps: ConversationDeps): Promise<TurnContext> {
  return (await loadConversation()).buildContext(turn, deps);
}
