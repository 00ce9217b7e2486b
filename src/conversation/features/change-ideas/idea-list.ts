import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { Group } from '../../../store/schemas/group.js';
import { aimHeading } from './aims.js';
import { plain } from '../../replies.js';

/** The library as a short message: a heading per aim, one line per idea with its key. */
export function ideaListText(
  ideas: ChangeIdea[],
  groups: Group[],
  heading = '*Change ideas*',
): string {
  if (ideas.length === 0) return `${heading}\nNone here yet. Type \`ideas\` for the whole library.`;
  const lines = [heading];
  let aim = '';
  for (const idea of ideas) {
    if (idea.aim !== aim) {
      aim = idea.aim;
      lines.push(`_${plain(aimHeading(aim, groups))}_`);
    }
    lines.push(`- ${plain(idea.title)} (\`${idea.key}\`)${idea.retired ? ' — retired' : ''}`);
  }
  lines.push('Test one: `pdsa new`. More about one: `idea <key>`.');
  return lines.join('\n');
}
