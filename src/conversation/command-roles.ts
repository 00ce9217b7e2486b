import type { Role } from './context.js';
import { FEATURES } from './features.js';

/**
 * Whether someone with these roles may use a command, by the roles its feature registers (what help
 * lists and what the command itself requires), so a page offering a control for the command (the
 * local chat's tracker import and digest preview) follows the same rule. 'member' means anyone.
 */
export function mayUseCommand(words: readonly string[], roles: readonly Role[]): boolean {
  const said = words.join(' ');
  const command = FEATURES.flatMap((f) => f.commands ?? []).find((c) => c.words.join(' ') === said);
  if (!command) return false;
  return command.roles.includes('member') || command.roles.some((role) => roles.includes(role));
}
