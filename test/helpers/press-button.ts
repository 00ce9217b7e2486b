import type { Card } from '../../cards/model.js';
import type { TestBot, TestUser } from './test-bot.js';

/** Presses a card's button, found by its id or its label, as `user`: a test fails plainly when the card has no such button. */
export function pressButton(bot: TestBot, user: TestUser, card: Card, idOrLabel: string, values?: Record<string, string>) {
  const button = card.buttons?.find((b) => b.id === idOrLabel || b.label === idOrLabel);
  if (!button) throw new Error(`no ${idOrLabel} button on ${card.title}`);
  return bot.act(user, button.action.verb, button.action.data ?? {}, values);
}
