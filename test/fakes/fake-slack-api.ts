import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

/** One call the app made: a Web API method, an upload to an upload_url, or a post to a response_url. */
export interface SlackCall {
  method: string;
  /** Form or JSON fields, with nested JSON fields (blocks, view, files) parsed. */
  body: Record<string, any>;
  authorization?: string;
  /** For uploads: the bytes received. */
  bytes?: number;
  /** When the request arrived (Date.now()), to check how long the app waited between tries. */
  at: number;
  /** For a hung call: when the app gave it up (closed the connection). */
  closedAt?: number;
}

/** Picks calls out for a fault: by method, by the conversation or person in the body, by token. */
export type CallMatch = (call: SlackCall) => boolean;

/** A refusal the fake answers instead of the method's answer, for the next `times` matching calls. */
interface Refusal {
  when: CallMatch;
  status: number;
  retryAfter?: string;
  times: number;
}

type Answer = (body: Record<string, any>) => Record<string, unknown>;

/** A message as conversations.history returns it: posted text with its metadata, or a file share. */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  files?: { id: string; name: string; title?: string }[];
}

export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';

/**
 * A loopback Slack Web API (platforms.md §3.1): `POST /api/<method>` with form or JSON bodies,
 * answering HTTP 200 `{ ok: true, … }` for the methods pacebot uses; `files.getUploadURLExternal`
 * hands out an upload_url on this same server; `/response/<id>` stands in for response_urls.
 * Unknown routes answer 501 and are kept in `unhandled` for the test to fail on.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly unhandled: string[] = [];
  /** users.info answers: user id → display name. */
  readonly users = new Map<string, string>();
  /** users.lookupByEmail answers: e-mail (lower case) → user id, whose name is in `users`. */
  readonly emails = new Map<string, string>();
  /** What landed in each conversation, oldest first, for conversations.history. */
  readonly messages: FakeSlackMessage[] = [];
  private readonly fileNames = new Map<string, string>();
  /** Files people shared, served at url_private_download to a request with the bot token. */
  private readonly hosted = new Map<string, { name: string; data: Buffer; token: string }>();
  /** Bytes of each file the app uploaded, by file id. */
  readonly uploads = new Map<string, Buffer>();
  private readonly failures = new Map<string, string>();
  private readonly latency = new Map<string, number>();
  private seq = 0;
  private waiters: (() => void)[] = [];
  private readonly hangs: CallMatch[] = [];
  private readonly hung: ServerResponse[] = [];
  private readonly openHung = new Set<ServerResponse>();
  /** The most hung calls that were open at once (a call closes when the app gives it up): the app's limit. */
  maxHungAtOnce = 0;
  private readonly refusals: Refusal[] = [];

  private constructor(
    private readonly server: Server,
    /** Origin, e.g. http://127.0.0.1:5123 */
    readonly origin: string,
  ) {}

  /** What SLACK_API_URL should be. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  static async start(): Promise<FakeSlackApi> {
    // The request handler needs the instance, which needs the bound server: a holder breaks the cycle.
    const holder: { fake?: FakeSlackApi } = {};
    const server = createServer((req, res) => void holder.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlackApi(server, `http://127.0.0.1:${port}`);
    holder.fake = fake;
    return fake;
  }

  /** A file someone shared: files.info describes it and its private URL serves it to `token` only. */
  hostFile(id: string, name: string, data: Buffer, token = 'xoxb-test'): void {
    this.hosted.set(id, { name, data, token });
  }

  /** A response_url that lands on this fake, recorded as method `response_url:<id>`. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls to `method` were recorded (the app answers Slack before it calls out). */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<SlackCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => c.method).join(', ') || 'none';
        throw new Error(`fake Slack: expected ${count} × ${method} within ${timeoutMs} ms; calls seen: ${seen}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.callsTo(method);
  }

  /** The next call to `method` answers `{ ok: false, error }`, as Slack does (HTTP 200). */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** Calls to `method` answer only after `ms` milliseconds, like a slow Slack. */
  slowDown(method: string, ms: number): void {
    this.latency.set(method, ms);
  }

  /** Matching Web API calls are recorded and never answered, like a Slack that hangs, until release(). */
  hang(when: CallMatch): void {
    this.hangs.push(when);
  }

  /** Answers every hung call `{ ok: true }` and stops hanging. */
  release(): void {
    this.hangs.length = 0;
    this.maxHungAtOnce = 0;
    for (const res of this.hung.splice(0)) if (!res.writableEnded && !res.destroyed) send(res, 200, { ok: true });
  }

  /**
   * The next `times` matching Web API calls answer `status` (429 rate limited, 503 unavailable) with
   * `Retry-After: retryAfter` when given; Slack's 429 body is `{ ok: false, error: 'ratelimited' }`.
   */
  refuse(when: CallMatch, status: number, options: { retryAfter?: string; times?: number } = {}): void {
    this.refusals.push({ when, status, times: options.times ?? 1, ...(options.retryAfter !== undefined && { retryAfter: options.retryAfter }) });
  }

  clear(): void {
    this.release();
    this.refusals.length = 0;
    this.calls.length = 0;
    this.messages.length = 0;
    this.unhandled.length = 0;
    this.latency.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private record(call: SlackCall): void {
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = Buffer.concat(await req.toArray());
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const authorization = req.headers.authorization;
    if (req.method === 'GET' && path.startsWith('/files-pri/')) {
      const file = this.hosted.get(path.slice('/files-pri/'.length));
      this.record({ method: 'download', body: { fileId: path.slice('/files-pri/'.length) }, authorization, at: Date.now() });
      if (!file || authorization !== `Bearer ${file.token}`) return send(res, 404, 'not found');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
      res.end(file.data);
      return;
    }
    if (req.method === 'POST' && path.startsWith('/upload/')) {
      this.uploads.set(path.slice('/upload/'.length), raw);
      this.record({ method: 'upload', body: { fileId: path.slice('/upload/'.length) }, authorization, bytes: raw.length, at: Date.now() });
      return send(res, 200, 'OK');
    }
    if (req.method === 'POST' && path.startsWith('/response/')) {
      this.record({ method: `response_url:${path.slice('/response/'.length)}`, body: JSON.parse(raw.toString('utf8')), at: Date.now() });
      return send(res, 200, 'ok');
    }
    const method = req.method === 'POST' && path.startsWith('/api/') ? path.slice('/api/'.length) : undefined;
    const answer = method ? this.answers[method] : undefined;
    if (!method || !answer) {
      this.unhandled.push(`${req.method} ${path}`);
      return send(res, 501, { ok: false, error: `fake Slack has no ${req.method} ${path}` });
    }
    const body = decodeBody(raw.toString('utf8'), req.headers['content-type']);
    const call: SlackCall = { method, body, authorization, at: Date.now() };
    this.record(call);
    if (this.hangs.some((when) => when(call))) {
      this.hung.push(res);
      this.openHung.add(res);
      this.maxHungAtOnce = Math.max(this.maxHungAtOnce, this.openHung.size);
      res.once('close', () => {
        this.openHung.delete(res);
        call.closedAt ??= Date.now();
      });
      return;
    }
    const refusal = this.refusals.find((r) => r.times > 0 && r.when(call));
    if (refusal) {
      refusal.times -= 1;
      const headers: Record<string, string> = refusal.retryAfter !== undefined ? { 'retry-after': refusal.retryAfter } : {};
      return send(res, refusal.status, { ok: false, error: refusal.status === 429 ? 'ratelimited' : 'service_unavailable' }, headers);
    }
    const latency = this.latency.get(method);
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return send(res, 200, { ok: false, error: failure });
    }
    return send(res, 200, { ok: true, ...answer(body) });
  }

  /** A user as users.info and users.lookupByEmail describe one. */
  private userAnswer(id: string) {
    const name = this.users.get(id) ?? `Person ${id}`;
    const email = [...this.emails].find(([, user]) => user === id)?.[0];
    const profile = { display_name: name, real_name: name, ...(email ? { email } : {}) };
    return { user: { id, name: name.toLowerCase().replace(/\s+/g, '.'), real_name: name, is_bot: false, profile } };
  }

  private readonly answers: Record<string, Answer> = {
    'auth.test': () => ({ user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID, team_id: 'T-FAKE', url: 'https://fake.slack.com/' }),
    'chat.postMessage': (body) => {
      const ts = this.nextTs();
      this.messages.push({ channel: body.channel, ts, text: body.text, ...(body.metadata ? { metadata: body.metadata } : {}) });
      return { channel: body.channel, ts, message: { text: body.text } };
    },
    'conversations.open': (body) => ({ channel: { id: `D${String(body.users).replace(/^U/, '')}` } }),
    'conversations.history': (body) => ({
      messages: this.messages
        .filter((m) => m.channel === body.channel)
        .reverse()
        .map(({ channel: _, metadata, ...m }) => ({ ...m, ...(metadata && String(body.include_all_metadata) === 'true' ? { metadata } : {}) })),
      has_more: false,
    }),
    'chat.update': (body) => ({ channel: body.channel, ts: body.ts }),
    'chat.postEphemeral': () => ({ message_ts: this.nextTs() }),
    'views.open': (body) => ({ view: { id: `V${++this.seq}`, ...body.view } }),
    'views.update': (body) => ({ view: { id: body.view_id, ...body.view } }),
    'views.publish': (body) => ({ view: { id: `V${++this.seq}`, ...body.view } }),
    'users.info': (body) => this.userAnswer(String(body.user)),
    'users.lookupByEmail': (body) => {
      const id = this.emails.get(String(body.email).toLowerCase());
      return id ? this.userAnswer(id) : { ok: false, error: 'users_not_found' };
    },
    'conversations.info': (body) => ({ channel: { id: body.channel, is_im: String(body.channel).startsWith('D') } }),
    'files.info': (body) => {
      const file = this.hosted.get(String(body.file));
      if (!file) return { ok: false, error: 'file_not_found' };
      const url = `${this.origin}/files-pri/${body.file}`;
      return { file: { id: body.file, name: file.name, size: file.data.length, url_private: url, url_private_download: url } };
    },
    'files.getUploadURLExternal': (body) => {
      const fileId = `F${++this.seq}`;
      this.fileNames.set(fileId, String(body.filename));
      return { upload_url: `${this.origin}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (body) => {
      const files = (body.files ?? []).map((f: { id: string; title?: string }) => ({ id: f.id, name: this.fileNames.get(f.id) ?? f.id, title: f.title }));
      if (body.channel_id) this.messages.push({ channel: body.channel_id, ts: this.nextTs(), files });
      return { files };
    },
    'oauth.v2.access': (body) => ({
      app_id: 'A-FAKE',
      authed_user: { id: 'U-INSTALLER' },
      scope: 'chat:write,commands',
      token_type: 'bot',
      access_token: `xoxb-installed-${body.code}`,
      bot_user_id: FAKE_BOT_USER_ID,
      team: { id: `T-${body.code}`, name: 'Installed team' },
      enterprise: null,
      is_enterprise_install: false,
    }),
  };

  private nextTs(): string {
    return `1700000000.${String(++this.seq).padStart(6, '0')}`;
  }
}

/** Form fields (the Web API client's default) or JSON; fields holding JSON come back parsed. */
function decodeBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw);
  const fields = parseQuery(raw) as Record<string, string>;
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, jsonOrText(value)]));
}

/** A field's JSON (blocks, metadata), or its text: a message may well start with "[" and not be JSON. */
function jsonOrText(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = typeof body !== 'string';
  res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/plain', ...headers });
  res.end(json ? JSON.stringify(body) : body);
}
