import { findCaseReferences } from '../../../domain/case-reference.js';
import { findMilestones } from '../../../domain/milestone-parsing/find-milestones.js';
import type { SentenceInterpreter } from '../../registry.js';
import { milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { recordText } from './record-text.js';

// "record C1042 accommodated 3 Oct" is said as a command, so it is always answered here.
const EXPLICIT = /^(?:record|milestone)\b\s*[:,-]?\s*(.*)$/i;

/**
 * Plain sentences about a child's milestones: any that holds something shaped like a case
 * reference or names a milestone. It runs after the other features' sentences, so theirs
 * ("record a test of change", "template use for October was 64%") are taken first. What reaches
 * here and looks like a milestone gets a confirmation, or a refusal that teaches, rather than
 * "not understood".
 */
export const milestoneSentence: SentenceInterpreter = {
  name: 'milestone-date',
  async run(ctx, said) {
    const explicit = EXPLICIT.exec(said);
    const body = explicit ? explicit[1]!.trim() : said;
    if (!explicit) {
      const { pattern, catalogue } = milestoneSettings(ctx);
      const mentions = findMilestones(body, catalogue).filter((m) => m.strength !== 'other');
      const refs = findCaseReferences(body, pattern);
      if (refs.length === 0 && mentions.length === 0) return null;
    }
    return recordText(ctx, body);
  },
};
