import type { FormValues } from '../../cards/model.js';
import type { ConversationDeps } from '../../src/conversation/context.js';
import { handleTurn } from '../../src/conversation/handle-turn.js';
import type { ConversationKind, Reply, Turn } from '../../src/conversation/turn.js';
import { createLogger } from '../../src/log.js';
import { ensureIndexes } from '../../src/store/collections.js';
import { openTestDb } from './test-db.js';

export interface TestUser {
  id: string;
  name: string;
}

/**
 * Talks to the real conversation core over a real database, with a settable clock.
 * `say` sends text, `act` presses a button or submits a form, as an adapter would.
 */
export async function createTestBot(options: { now?: string; workspaceId?: string } = {}) {
  const { db, client, drop } = await openTestDb();
  await ensureIndexes(db);
  let now = new Date(options.now ?? '2026-11-19T10:00:00Z');
  const deps: ConversationDeps = { db, logger: createLogger('silent'), clock: () => now };
  let seq = 0;
  const workspaceId = options.workspaceId ?? 'T-TEST';
  const turn = (user: TestUser, extra: Partial<Turn>, kind: ConversationKind = 'direct', ws = workspaceId): Turn => ({
    platform: 'web',
    workspaceId: ws,
    user,
    conversation: { id: kind === 'direct' ? `dm-${user.id}` : 'channel-1', kind },
    eventId: `evt-${++seq}`,
    receivedAt: now,
    ...extra,
  });
  return {
    db,
    client,
    deps,
    drop,
    setNow(iso: string) {
      now = new Date(iso);
    },
    /** `opts.turn`: more of the turn as an adapter fills it (platform, people it resolved). */
    say(user: TestUser, text: string, opts: { kind?: ConversationKind; workspaceId?: string; turn?: Partial<Turn> } = {}): Promise<Reply[]> {
      return handleTurn(turn(user, { text, ...opts.turn }, opts.kind, opts.workspaceId), deps);
    },
    /** Sends files as an adapter would, with optional words beside them. */
    send(user: TestUser, files: { name: string; data: Buffer }[], text = ''): Promise<Reply[]> {
      const attached = files.map((f) => ({ name: f.name, size: f.data.length, read: async () => f.data }));
      return handleTurn(turn(user, { text, files: attached }), deps);
    },
    act(user: TestUser, verb: string, data: Record<string, string | number | boolean | null> = {}, values: FormValues = {}, opts: { kind?: ConversationKind; workspaceId?: string } = {}): Promise<Reply[]> {
      return handleTurn(turn(user, { action: { verb, data, values } }, opts.kind, opts.workspaceId), deps);
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof createTestBot>>;

/** All text of a reply list, cards flattened, for assertions that read like what a user sees. */
export function replyText(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.kind === 'text') return r.text;
      if (r.kind === 'image') return r.alt;
      if (r.kind === 'file') return `${r.title}\n${r.fileName}`;
      const c = r.card;
      return [c.title, c.subtitle, ...(c.facts ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.sections ?? []).map((s) => `${s.heading ?? ''} ${s.text ?? ''} ${(s.facts ?? []).map((f) => `${f.label}: ${f.value}`).join(' ')}`), ...(c.buttons ?? []).map((b) => b.label)].filter(Boolean).join('\n');
    })
    .join('\n');
}

/** The first card reply, or a failing assertion. */
export function firstCard(replies: Reply[]) {
  const found = replies.find((r) => r.kind === 'card' || r.kind === 'form');
  if (!found || (found.kind !== 'card' && found.kind !== 'form')) throw new Error(`expected a card, got: ${JSON.stringify(replies)}`);
  return found.card;
}

export const ADMIN: TestUser = { id: 'U-ADMIN', name: 'Alex Admin' };
export const LEAD: TestUser = { id: 'U-LEAD', name: 'Lee Lead' };
export const COACH: TestUser = { id: 'U-COACH', name: 'Cora Coach' };
export const MEMBER: TestUser = { id: 'U-MEMBER', name: 'Mo Member' };
