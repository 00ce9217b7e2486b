import { NotFoundError, ValidationError } from '../../../errors.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { cycleId, parseCycleNumber } from '../../../programme/pdsa/cycle-id.js';
import { plain } from '../../replies.js';

/** Loads a cycle by how the user named it (`T-12`, `T12`, `#12`) or by its number from a button. */
export async function findCycle(ctx: TurnContext, said: string | number): Promise<PdsaCycle> {
  const number = typeof said === 'number' ? said : parseCycleNumber(said);
  if (number === null) {
    throw new ValidationError(
      'bad_cycle_id',
      `"${plain(String(said))}" is not a test of change id. They look like \`T-12\`; \`pdsa list\` shows yours.`,
    );
  }
  const cycle = await ctx.store.pdsa.findOne({ number });
  if (!cycle)
    throw new NotFoundError(
      `There is no test of change ${cycleId(number)}. \`pdsa list all\` shows every test.`,
      'unknown_cycle',
    );
  return cycle;
}

/** The number a button or form carried, or a clear refusal if the payload lost it. */
export function numberFrom(data: Record<string, unknown>, key = 'number'): number {
  const number = Number(data[key]);
  if (!Number.isInteger(number) || number < 1)
    throw new ValidationError(
      'bad_cycle_id',
      'That button has lost track of its test. Type `pdsa list` to find it again.',
    );
  return number;
}
