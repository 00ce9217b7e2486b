export { type ParsedPrediction, parsePrediction } from './parse-prediction.js';
export {
  type Direction,
  ENOUGH_POINTS,
  type PredictionScore,
  type ScoreInput,
  scorePrediction,
  type Verdict,
} from './score-prediction.js';
export { firstSignalFrom, type SignalBlock, signalBlocks } from './signals-after-start.js';
export { VERDICT_WORDS } from './verdict-words.js';
