import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector, ids percent-decoded. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  /** For POST …/activities/{id} the activity being replied to; for PUT/DELETE the one changed. */
  activityId?: string;
  /** For GET …/members/{id}. */
  memberId?: string;
  authorization?: string;
  body: unknown;
  /** When the request arrived (Date.now()), to check how long the bot waited between tries. */
  at: number;
}

/** Picks calls out for a fault: by conversation, route kind or method. */
export type ConnectorMatch = (call: ConnectorCall) => boolean;

type Route = { kind: string; conversationId?: string; activityId?: string; memberId?: string };

/** One person as the Bot Connector lists them in a roster. */
export type RosterEntry = { id: string; name: string; aadObjectId: string; email?: string; userPrincipalName?: string };

/**
 * A loopback Bot Connector (platforms.md §3.2): records the v3 REST calls a bot makes and answers
 * like the real service. Unknown routes answer 501 and are kept in `unhandled` for the test to fail on.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  readonly unhandled: string[] = [];
  private refusals: { status: number; code: string }[] = [];
  private readonly hangs: ConnectorMatch[] = [];
  private readonly hung: ServerResponse[] = [];
  private readonly faults: { when: ConnectorMatch; status: number; retryAfter?: string; times: number }[] = [];
  /** Files a person attached, served at their pre-authorised downloadUrl (no token, as in Teams). */
  private readonly hosted = new Map<string, Buffer>();
  /** Who `GET …/pagedmembers` lists (the team's or chat's roster, TeamsInfo.getPagedMembers). */
  roster: RosterEntry[] = [];
  /**
   * Rosters of particular conversations, by id, over `roster`: a personal chat lists only its user,
   * a team (TeamsInfo.getPagedTeamMembers asks by the team's id) everyone in it.
   */
  readonly rosters = new Map<string, RosterEntry[]>();
  /** Bytes the bot put at an upload URL after a file consent was accepted, by upload id. */
  readonly uploads = new Map<string, Buffer>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBotConnector> {
    // The request handler needs the instance, which needs the bound server: a holder breaks the cycle.
    const holder: { fake?: FakeBotConnector } = {};
    const server = createServer((req, res) => void holder.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeBotConnector(server, `http://127.0.0.1:${port}/`);
    holder.fake = fake;
    return fake;
  }

  /** Messages posted into conversations (new ones and replies). */
  posts(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        c.method === 'POST' &&
        c.path.includes('/activities') &&
        (!conversationId || c.conversationId === conversationId),
    );
  }

  /** Hosts a file; returns the downloadUrl a file.download.info attachment would carry. */
  hostFile(id: string, data: Buffer): string {
    this.hosted.set(id, data);
    return `${this.url}files/${id}`;
  }

  /** Where Teams would let the bot upload an accepted file (OneDrive's upload session URL). */
  uploadUrl(id: string): string {
    return `${this.url}upload/${id}`;
  }

  /** The next message post is refused, e.g. 403 BotNotInConversationRoster after an uninstall. */
  refuseNext(status: number, code: string): void {
    this.refusals.push({ status, code });
  }

  /** Matching calls are recorded and never answered, like a connector that hangs, until release(). */
  hang(when: ConnectorMatch): void {
    this.hangs.push(when);
  }

  /** Answers every hung call (an activity id, as for a post) and stops hanging. */
  release(): void {
    this.hangs.length = 0;
    for (const res of this.hung.splice(0)) if (!res.writableEnded && !res.destroyed) send(res, 200, { id: 'released' });
  }

  /** The next `times` matching calls answer `status` (429, 503) with `Retry-After: retryAfter` when given. */
  refuse(when: ConnectorMatch, status: number, options: { retryAfter?: string; times?: number } = {}): void {
    this.faults.push({ when, status, times: options.times ?? 1, ...(options.retryAfter !== undefined && { retryAfter: options.retryAfter }) });
  }

  clear(): void {
    this.release();
    this.faults.length = 0;
    this.calls.length = 0;
    this.unhandled.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Hangs or refuses the call when a fault matches it; true when the fault answered (or will not). */
  private faulted(call: ConnectorCall, res: ServerResponse): boolean {
    if (this.hangs.some((when) => when(call))) {
      this.hung.push(res);
      return true;
    }
    const fault = this.faults.find((f) => f.times > 0 && f.when(call));
    if (!fault) return false;
    fault.times -= 1;
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
    send(res, fault.status, { error: { code: 'Throttled', message: 'refused by the fake connector' } }, headers);
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = Buffer.concat(await req.toArray());
    const raw = bytes.toString('utf8');
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (method === 'GET' && path.startsWith('/files/')) {
      const file = this.hosted.get(path.slice('/files/'.length));
      this.calls.push({ method, path, body: undefined, at: Date.now() });
      if (!file) return send(res, 404, { error: { code: 'NotFound' } });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length });
      res.end(file);
      return;
    }
    if (method === 'PUT' && path.startsWith('/upload/')) {
      const call = { method, path, body: { bytes: bytes.length, range: req.headers['content-range'] }, at: Date.now() };
      this.calls.push(call);
      if (this.faulted(call, res)) return;
      this.uploads.set(path.slice('/upload/'.length), bytes);
      return send(res, 201, { id: 'uploaded' });
    }
    const route = parseRoute(method, path);
    const body = raw ? JSON.parse(raw) : undefined;
    if (!route) {
      this.unhandled.push(`${method} ${path}`);
      return send(res, 501, {
        error: { code: 'NotImplemented', message: `fake connector has no ${method} ${path}` },
      });
    }
    const call = { method, path, ...route, authorization: req.headers.authorization, body, at: Date.now() };
    this.calls.push(call);
    if (this.faulted(call, res)) return;
    const refusal = route.kind === 'activity' ? this.refusals.shift() : undefined;
    if (refusal)
      return send(res, refusal.status, {
        error: { code: refusal.code, message: 'refused by the fake connector' },
      });
    switch (route.kind) {
      case 'member':
        return send(res, 200, {
          id: route.memberId,
          name: 'Fake Member',
          aadObjectId: randomUUID(),
          userPrincipalName: 'member@example.org',
          email: 'member@example.org',
        });
      case 'pagedmembers':
        return send(res, 200, { members: this.rosters.get(route.conversationId ?? '') ?? this.roster });
      case 'create':
        return send(res, 200, {
          id: `a:${randomUUID()}`,
          activityId: randomUUID(),
          serviceUrl: this.url,
        });
      case 'delete':
        return send(res, 200, {});
      default:
        return send(res, 200, {
          id: route.activityId && method === 'PUT' ? route.activityId : `act-${this.calls.length}`,
        });
    }
  }
}

function parseRoute(method: string, path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
  if (parts.length === 2) return method === 'POST' ? { kind: 'create' } : undefined;
  const [, , conversationId, resource, id] = parts;
  if (resource === 'activities' && parts.length <= 5) {
    if (method === 'POST') return { kind: 'activity', conversationId, activityId: id };
    if (id && method === 'PUT') return { kind: 'update', conversationId, activityId: id };
    if (id && method === 'DELETE') return { kind: 'delete', conversationId, activityId: id };
  }
  if (resource === 'members' && id && method === 'GET' && parts.length === 5)
    return { kind: 'member', conversationId, memberId: id };
  if (resource === 'pagedmembers' && method === 'GET' && parts.length === 4)
    return { kind: 'pagedmembers', conversationId };
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
