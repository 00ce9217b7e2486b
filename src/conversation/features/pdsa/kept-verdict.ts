import type { PredictionEvidence } from '../../../programme/pdsa/prediction-evidence.js';
import type { PredictionCheck, Verdict } from '../../../store/schemas/prediction.js';

/**
 * The verdict the person recording Study keeps: the bot's (confirmed), or their own with a reason.
 * The reason is what makes an overruled verdict worth reading later; without one, an error for the
 * reason field. (Like every form value it has passed the identifier guard before reaching here.)
 */
export function keptVerdict(
  evidence: PredictionEvidence,
  chosen: string | undefined,
  reason: string | undefined,
  today: string,
): PredictionCheck | { error: string } {
  const bot = evidence.score.verdict;
  const verdict = (chosen as Verdict | undefined) ?? bot;
  if (verdict !== bot && !reason)
    return { error: "You chose a different verdict from the bot's reading: say why, so the group can learn from it." };
  return {
    botVerdict: bot,
    verdict,
    ...(verdict !== bot && reason ? { reason } : {}),
    level: evidence.score.level,
    before: evidence.score.before,
    points: evidence.score.window.length,
    signal: evidence.signalWords,
    checkedOn: today,
  };
}
