import { VERDICT_WORDS } from '../../domain/predictions/index.js';
import type { Verdict } from '../../store/schemas/prediction.js';

/** The bot's reading in a few words: it sits in brackets after the verdict the group kept. */
const READING_WORDS: Record<Verdict, string> = {
  met: 'met',
  partly_met: 'partly met',
  not_met: 'not met',
  too_early: 'too early to say',
};

/**
 * "prediction met", or "prediction met (the data: too early to say)" when the person recording
 * Study overruled the bot's reading: a list read before a meeting must not pass a group's verdict
 * off as what the chart showed.
 */
export function predictionVerdictWords(verdict: Verdict, botVerdict?: Verdict): string {
  const overruled = botVerdict && botVerdict !== verdict ? ` (the data: ${READING_WORDS[botVerdict]})` : '';
  return `prediction ${VERDICT_WORDS[verdict]}${overruled}`;
}
