import { describe, expect, it } from 'vitest';
import { toBlockKitModal } from '../../cards/block-kit-modal.js';
import { toAdaptiveCard } from '../../cards/to-adaptive-card.js';
import { firstCard, MEMBER } from '../helpers/test-bot.js';
import { completeCycle, planCycle, useProgrammeBot } from './pdsa-scenario.js';

const bot = useProgrammeBot();

describe('PDSA forms on the platforms', () => {
  it('fit a Slack modal and a Teams card, with the change idea as a list plus a typed box', async () => {
    const number = await planCycle(bot());
    await completeCycle(bot(), number, 'adapt');
    const forms = [
      firstCard(await bot().say(MEMBER, 'pdsa new')),
      firstCard(await bot().act(MEMBER, 'pdsa.new', { from: number })),
      firstCard(await bot().say(MEMBER, `pdsa T-${number} edit`)),
      firstCard(await bot().say(MEMBER, `pdsa T-${number} study`)),
    ];
    for (const card of forms) {
      // Slack cuts modal titles over 24 characters; ours must read whole.
      expect(card.form!.title.length).toBeLessThanOrEqual(24);
      expect(toBlockKitModal(card).title.text).toBe(card.form!.title);
      expect(JSON.stringify(toAdaptiveCard(card))).toContain(card.form!.submit.verb);
    }
    const planModal = JSON.stringify(toBlockKitModal(forms[0]!));
    expect(planModal).toContain('changeIdea__other');
    expect(planModal).toContain('agenda-72-hour-meeting');
  });
});
