import { type Db, MongoClient } from 'mongodb';
import type { ConversationDeps } from '../src/conversation/context.js';
import { handleTurn } from '../src/conversation/handle-turn.js';
import type { Reply } from '../src/conversation/turn.js';
import { createLogger } from '../src/log.js';
import { ensureIndexes } from '../src/store/collections.js';
import { startEmbeddedServer } from '../src/store/embedded/embedded-server.js';
import { runIfMain } from './cli.js';
import { measure } from './harness.js';
import {
  type BenchOptions,
  type BenchReport,
  markdownTable,
  STATS_HEADERS,
  statsCells,
} from './report.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const SETUP = ['setup programme "Bench"', 'meeting set every 6 weeks from 3 Dec 2026 10:00'];
const BASELINE = 'whoami';
const TURNS = ['help', 'C1042 accommodated 3 Oct', 'pdsa list', 'meeting next'];

/**
 * Whole chat turns through `handleTurn` over an in-memory embedded store, against `whoami`: the
 * cheapest command, so its time is the per-turn floor of resolving workspace, member, programme and
 * groups, and each ratio is what the command itself adds.
 */
export async function benchTurnLatency(options: BenchOptions): Promise<BenchReport> {
  const rounds = options.rounds ?? 60;
  const warmUp = options.warmUp ?? 5;
  const server = await startEmbeddedServer();
  const client = new MongoClient(server.uri);
  // A second client with command monitoring counts each turn's database commands, untimed.
  const monitored = new MongoClient(server.uri, { monitorCommands: true });
  try {
    await Promise.all([client.connect(), monitored.connect()]);
    const db = client.db('bench');
    await ensureIndexes(db);
    const say = chat(db);
    for (const text of SETUP) await say(text);
    const texts = [BASELINE, ...TURNS];
    const stats = await measure(
      texts.map((text) => ({ name: text, run: () => say(text) })),
      { rounds, warmUp },
    );
    const counted = await countCommands(monitored, texts);
    return {
      title: 'Chat turn latency',
      intro:
        `\`handleTurn(turn, { db, logger: createLogger('silent'), clock })\` over an in-memory ` +
        `embedded store, the same admin each time, ${rounds} rounds after ${warmUp} warm-up. ` +
        `Set-up: ${SETUP.map((t) => `\`${t}\``).join(', ')}; no groups, cases or tests of change ` +
        'yet, so these are the per-turn floors. Each milestone turn stores a pending ' +
        'confirmation. ' +
        `Baseline: \`${BASELINE}\`, the cheapest command (resolves workspace, member, programme ` +
        'and groups, then answers from them).',
      table: markdownTable(
        ['turn', ...STATS_HEADERS, 'DB commands', 'reply'],
        stats.map((s, i) => [
          `\`${s.name}\``,
          ...statsCells(s, stats[0]),
          String(counted[i].commands),
          counted[i].reply,
        ]),
        ['reply'],
      ),
    };
  } finally {
    await Promise.all([client.close(), monitored.close()]);
    await server.close();
  }
}

/** Sends text as one admin in a direct conversation, with a fresh event id per turn. */
function chat(db: Db): (text: string) => Promise<Reply[]> {
  const deps: ConversationDeps = { db, logger: createLogger('silent'), clock: () => NOW };
  let seq = 0;
  return (text) =>
    handleTurn(
      {
        platform: 'web',
        workspaceId: 'T-BENCH',
        user: { id: 'U-ADMIN', name: 'Bench Admin' },
        conversation: { id: 'dm-U-ADMIN', kind: 'direct' },
        text,
        eventId: `bench-${++seq}`,
        receivedAt: NOW,
      },
      deps,
    );
}

async function countCommands(client: MongoClient, texts: string[]) {
  let commands = 0;
  client.on('commandStarted', () => commands++);
  const say = chat(client.db('bench'));
  const counted: { commands: number; reply: string }[] = [];
  for (const text of texts) {
    commands = 0;
    const replies = await say(text);
    counted.push({ commands, reply: describe(replies) });
  }
  return counted;
}

/** What came back, in a few words: the kind of each reply, and a card's title. */
function describe(replies: Reply[]): string {
  return replies
    .map((r) => (r.kind === 'text' || r.kind === 'image' || r.kind === 'file' ? r.kind : `${r.kind} "${r.card.title}"`))
    .join(', ');
}

await runIfMain(import.meta.url, benchTurnLatency);
