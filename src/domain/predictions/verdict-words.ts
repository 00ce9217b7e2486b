import type { Verdict } from './score-prediction.js';

/**
 * Verdicts in plain words. Learning wording: a prediction that was not met is a lesson about the
 * system, not a mark against the team, and the words never rank anyone.
 */
export const VERDICT_WORDS: Record<Verdict, string> = {
  met: 'met',
  partly_met: 'partly met (moved the way you predicted, not as far)',
  not_met: 'not met — a lesson: the system works differently from how we thought',
  too_early: 'too early to say (not enough points yet)',
};
