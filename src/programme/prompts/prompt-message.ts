import type { Group } from '../../store/schemas/group.js';
import type { StoredReply } from '../../store/schemas/digest.js';
import type { Prompt } from '../../store/schemas/prompt.js';
import { plain } from '../../../cards/plain-text.js';

/** The prompt as posted in the group's channel: the coach's words and how to answer. */
export function promptMessage(
  prompt: Pick<Prompt, 'number' | 'text' | 'createdBy'>,
  group: Pick<Group, 'name'>,
): StoredReply[] {
  const coach = prompt.createdBy.name;
  // The coach's words and name are shown as typed, never as markup (title is plain text anyway).
  const how = `_Reply in this thread: your answers go to ${plain(coach)}._ (P-${prompt.number})`;
  const sections = [{ text: plain(prompt.text) }, { text: how }];
  return [{ kind: 'card', card: { title: `${coach} asks ${group.name}`, sections } }];
}
