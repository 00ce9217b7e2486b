import { parseOrThrow } from '../runchart/parse-or-throw.js';
import { type SpcInput, SpcInputSchema } from './spc-input.js';

/** Validates raw input, turning the first problem into a ValidationError naming the field. */
export function parseSpcInput(raw: unknown): SpcInput {
  return parseOrThrow(SpcInputSchema, raw, 'spc_input_invalid');
}
