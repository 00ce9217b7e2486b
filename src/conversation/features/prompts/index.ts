import type { Feature } from '../../registry.js';
import { plain, text } from '../../replies.js';
import { capturePromptReply } from '../../../programme/prompts/capture-reply.js';
import { schedulePrompt } from './new-prompt.js';
import { cancelPrompt, listPrompts } from './prompt-list.js';
import { attachResponse, listResponses } from './prompt-responses.js';

/** Coach prompts to aim groups: schedule, list, cancel; replies in their threads kept. */
export const promptsFeature: Feature = {
  commands: [
    {
      words: ['prompt'],
      roles: ['coach'],
      usage: 'prompt <group> <when>: <prompt>',
      example: 'prompt legal-processes 2 days before each meeting at 09:00: What did you learn?',
      summary: "A prompt to a group's channel: once, every n weeks, or before sub-group meetings.",
      run: async (ctx, rest) => [text(await schedulePrompt(ctx, rest))],
    },
    {
      words: ['prompts'],
      roles: ['member'],
      usage: 'prompts',
      example: 'prompts',
      summary: 'Prompts still to go out, and when.',
      run: async (ctx) => [text(await listPrompts(ctx))],
    },
    {
      words: ['prompt', 'cancel'],
      roles: ['coach'],
      usage: 'prompt cancel P-<n>',
      example: 'prompt cancel P-3',
      summary: 'Stop a scheduled prompt.',
      run: async (ctx, rest) => [text(await cancelPrompt(ctx, rest))],
    },
    {
      words: ['prompt', 'responses'],
      roles: ['coach', 'lead'],
      usage: 'prompt responses [P-<n>]',
      example: 'prompt responses P-3',
      summary: "What people replied in prompts' threads.",
      run: async (ctx, rest) => [text(await listResponses(ctx, rest))],
    },
    {
      words: ['prompt', 'attach'],
      roles: ['coach', 'lead'],
      usage: 'prompt attach R-<n> to T-<n>',
      example: 'prompt attach R-5 to T-12',
      summary: 'Add a reply to a prompt as a note on a test of change.',
      run: async (ctx, rest) => [text(await attachResponse(ctx, rest))],
    },
  ],
  threadReplies: [
    {
      name: 'prompt-reply',
      async run(ctx, said) {
        const response = await capturePromptReply(ctx.deps.db, ctx.turn, said);
        if (!response) return null;
        const prompt = await ctx.store.prompts.findOne({ number: response.promptNumber });
        const coach = plain(prompt?.createdBy.name ?? 'the coach');
        return [text(`Thanks — your reply is kept for ${coach} (R-${response.number}).`)];
      },
    },
  ],
};
