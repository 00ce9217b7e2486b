import { DEFAULT_CASE_REF_EXAMPLE } from '../../../domain/case-reference.js';
import { freeCaseRefExample } from '../../../programme/cases/case-ref-example.js';
import { hasRole } from '../../context.js';
import type { Command, Feature } from '../../registry.js';
import { plain, text } from '../../replies.js';
import { gettingStarted } from './getting-started.js';
import { typedExamples, type TypedExamples } from './typed-examples.js';

/** Topics offered after the getting-started lines, each a word `help <topic>` finds commands by. */
const TOPICS = ['dates', 'case', 'pdsa', 'chart', 'measure', 'meeting', 'digest', 'group', 'people', 'prompt', 'alert', 'import', 'export', 'privacy'];

/** Words people look for that the commands say differently. */
const TOPIC_WORDS: Record<string, string[]> = {
  dates: ['milestone', 'date', 'undo', 'case'],
  people: ['person', 'people', 'hand over', 'lead', 'coach', 'admin', 'join', 'leave'],
  group: ['group', 'join', 'leave'],
  alert: ['alert', 'hand on'],
  alerts: ['alert', 'hand on'],
  test: ['pdsa'],
  tests: ['pdsa'],
  charts: ['chart'],
  measures: ['measure'],
  meetings: ['meeting'],
  prompts: ['prompt'],
  setup: ['setup', 'group', 'meeting'],
  // Erasing a child's record is a `case` command (`case <case> export|erase`), found by its summary.
  privacy: ['privacy', 'erase', 'retention'],
};

/**
 * One command's help line. Features write their examples with the default reference (C1042); the
 * area is shown a reference it does not hold, in its own shape, instead, and an example built from
 * its own data where a fixed one would fail (typed-examples.ts), so what help shows can be typed.
 */
function commandLine(c: Command, caseRefExample: string, examples: TypedExamples): string {
  const example = examples.get(c.words.join(' ')) ?? c.example;
  const line = `- \`${c.usage}\` — ${c.summary}${example !== c.usage ? ` e.g. \`${example}\`` : ''}`;
  return line.replace(new RegExp(`\\b${DEFAULT_CASE_REF_EXAMPLE}\\b`, 'g'), () => caseRefExample);
}

/**
 * `help`: a short start for the person's role, then the topics. `help <topic>` lists the commands
 * whose words or description mention it; `help all` lists every command the person may use. The
 * command list is passed in lazily so help always reflects every feature in features.ts.
 */
export function helpFeature(allCommands: () => Command[]): Feature {
  return {
    commands: [
      {
        words: ['help'],
        roles: ['member'],
        usage: 'help [topic|all]',
        example: 'help pdsa',
        summary: 'What you can do here, by task.',
        async run(ctx, rest) {
          const topic = rest.trim().toLowerCase();
          // Checked against the area's children once for the whole reply (see freeCaseRefExample).
          const caseRefExample = await freeCaseRefExample(ctx.store, ctx.programme);
          const mine = [
            ...new Map(
              allCommands()
                .filter((c) => !c.aliasOf && c.roles.some((role) => hasRole(ctx, role) || ctx.isAdmin))
                .map((c) => [c.usage, c]),
            ).values(),
          ].sort((a, b) => a.usage.localeCompare(b.usage));
          const roles = [ctx.isAdmin && 'admin', ctx.isCoach && 'coach', ctx.leadOf.length > 0 && 'lead'].filter(Boolean);
          const who = roles.length > 0 ? roles.join(', ') : 'member';
          // A topic's reply says which topic it answers: on a phone the question may be out of sight.
          const heading = topic
            ? `*Help: ${topic === 'all' ? 'every command' : plain(topic)}* — what you can do (${who})`
            : `*What you can do* (${who})`;
          if (!topic) {
            const offered = TOPICS.filter((t) => mine.some((c) => matches(c, t)));
            return [
              text(
                [
                  heading,
                  ...(await gettingStarted(ctx, caseRefExample)),
                  `More: ${offered.map((t) => `\`help ${t}\``).join(', ')}, or \`help all\`.`,
                ].join('\n'),
              ),
            ];
          }
          const examples = await typedExamples(ctx);
          const line = (c: Command) => commandLine(c, caseRefExample, examples);
          const found = topic === 'all' ? mine : mine.filter((c) => matches(c, topic));
          // Commands named for the topic in full; those that only mention it, by name on one line:
          // `help people` listed 31 commands, four phone screens (try-out).
          const named = topic === 'all' ? found : found.filter((c) => matches(c, topic, 'name'));
          if (named.length > 0 && named.length < found.length) {
            const also = [...new Set(found.filter((c) => !named.includes(c)).map((c) => c.words.join(' ')))].sort();
            const more = `Also about ${plain(topic)}: ${also.map((name) => `\`${name}\``).join(', ')} (\`help all\` explains every command).`;
            return [text([heading, ...named.map(line), more].join('\n'))];
          }
          if (found.length === 0) {
            return [
              text(
                `Nothing about “${plain(rest.trim().slice(0, 40))}”. Try ${TOPICS.slice(0, 5).map((t) => `\`help ${t}\``).join(', ')} or \`help all\`.`,
              ),
            ];
          }
          return [text([heading, ...found.map(line)].join('\n'))];
        },
      },
    ],
  };
}

/**
 * Whether a command is about a topic: its words or description mention it (or a synonym); with
 * `name`, only its own words (what it is called).
 */
function matches(c: Command, topic: string, within: 'name' | 'all' = 'all'): boolean {
  const words = Object.hasOwn(TOPIC_WORDS, topic) ? TOPIC_WORDS[topic]! : [topic];
  // Not the usage: its placeholders (<date>, <group>, @person) would make every command about them.
  const haystack = (within === 'name' ? c.words.join(' ') : `${c.words.join(' ')} ${c.summary}`).toLowerCase();
  return words.some((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(haystack));
}
