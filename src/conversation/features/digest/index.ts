import type { Feature } from '../../registry.js';
import { text } from '../../replies.js';
import { digestPreview } from './digest-preview.js';
import { listQuestions, queueQuestion } from './digest-questions.js';
import { lastDigest, showDigest } from './sent-digests.js';

/** The digest before each champions' meeting: preview it, see what was sent, queue questions. */
export const digestFeature: Feature = {
  commands: [
    {
      words: ['digest', 'preview'],
      roles: ['admin', 'coach', 'lead'],
      usage: 'digest preview',
      example: 'digest preview',
      summary: 'Exactly what the next digest would say if it went out now (nothing is sent).',
      run: (ctx) => digestPreview(ctx),
    },
    {
      words: ['digest', 'last'],
      roles: ['member'],
      usage: 'digest last',
      example: 'digest last',
      summary: 'The last digest, as it was sent.',
      run: (ctx) => lastDigest(ctx),
    },
    {
      words: ['digest', 'show'],
      roles: ['member'],
      usage: 'digest show <meeting date>',
      example: 'digest show 1 Apr 2027',
      summary: 'A past digest, as it was sent.',
      run: (ctx, rest) => showDigest(ctx, rest),
    },
    {
      words: ['digest', 'question'],
      roles: ['coach'],
      usage: 'digest question <group> <question>',
      example: 'digest question legal-processes What slows the ADM decision?',
      summary: "Queue a question for a group's part of the next digest.",
      run: async (ctx, rest) => [text(await queueQuestion(ctx, rest))],
    },
    {
      words: ['digest', 'questions'],
      roles: ['member'],
      usage: 'digest questions',
      example: 'digest questions',
      summary: 'Questions queued for the next digest.',
      run: async (ctx) => [text(await listQuestions(ctx))],
    },
  ],
};
