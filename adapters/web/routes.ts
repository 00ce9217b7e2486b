import restify, { type Next, type Request, type Response } from 'restify';
import type { AppParts } from '../../src/app.js';
import { measuredHandleTurn as handleTurn } from '../../src/metrics/measured-turn.js';
import { demoLoadTurn, isDemoLoadTurn } from '../../src/demo/demo-turn.js';
import { AppError, asAppError } from '../../src/errors.js';
import type { RouteRegistrar } from '../../src/server.js';
import { digestPreviewReplies, hasDigestPreview } from './digest-preview.js';
import { isLocalRequest } from './loopback.js';
import { chatPage, repliesPage } from './page.js';
import { renderReplies } from './render-replies.js';
import { loadStaticFiles } from './static-files.js';
import { parseWebTurn, toTurn } from './to-turn.js';
import { localChannel, localChannels } from './local-channels.js';
import { recentMessages } from './web-messages.js';
import { hasRealProgramme, localCaseRefExample, webPeople, webPerson } from './web-people.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { readUpload, UploadTooLarge } from './read-upload.js';
import { MAX_OPEN_PAGE_BYTES, openedPage } from './open-page.js';
import { uploadName, uploadTurn } from './upload-turn.js';
import { welcomeReplies } from './welcome.js';
import { MAX_TRACKER_BYTES } from '../../src/programme/tracker/tracker-limits.js';

export const WEB_TURN_PATH = '/web/turn';
export const WEB_UPLOAD_PATH = '/web/upload';
export const WEB_PAGE_PATH = '/web/page';
/** A turn is a sentence or a form of a few fields; a larger body is not from the page. */
const MAX_BODY_BYTES = 256 * 1024;
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The page holds children's case references; keep it out of every cache.
  'cache-control': 'no-store',
};

/**
 * The local web chat (architecture.md: adapters/web): the page at `/`, its two assets, the welcome,
 * `POST /web/turn` and the digest preview. Registered only when `config.webChatEnabled`; every route
 * answers only requests from this computer, addressed to it.
 */
export function webChatRoutes(parts: AppParts): RouteRegistrar {
  const { conversation, logger } = parts;
  const files = loadStaticFiles();

  const localOnly = (req: Request, res: Response, next: Next) => {
    if (isLocalRequest(req)) return next();
    logger.warn({ code: 'web_chat_not_local', remote: req.socket.remoteAddress }, 'local chat refused a request');
    res.send(403, { code: 'not_local', message: 'The local chat only answers requests from this computer.' });
    return next(false);
  };

  // A body of one content type only: anything else gets a 415 that says what to send.
  const only = (type: string, code: string, message: string) => (req: Request, res: Response, next: Next) => {
    if (req.is(type)) return next();
    res.send(415, { code, message });
    return next(false);
  };

  // Only the page's fetch sends JSON; a form posted from another site cannot (it would need CORS).
  const jsonOnly = only('application/json', 'json_only', 'Send the turn as JSON (content-type: application/json).');

  // An upload past its limit: answered at once, and the connection closed so the rest is not read.
  const tooLarge = (res: Response, code: string, message: string) => {
    res.header('connection', 'close');
    res.send(413, { code, message });
  };

  const sendHtml = (res: Response, status: number, html: string) =>
    res.sendRaw(status, html, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });

  const fail = (res: Response, error: unknown) => {
    const appError = asAppError(error);
    if (appError.reportable) logger.error({ code: appError.code, err: error }, 'local chat turn failed');
    const status = error instanceof AppError && !appError.reportable ? 400 : 500;
    res.send(status, { code: appError.code, message: appError.userMessage }, { 'cache-control': 'no-store' });
  };

  const param = (req: Request, name: string) => new URL(req.url ?? '/', 'http://localhost').searchParams.get(name);
  // A bad ?as= is the client's mistake: a 400 that says how to choose someone, never a 500.
  const userOf = (req: Request) => webPerson(conversation.db, param(req, 'as') ?? 'demo-admin');

  /** Who may be chosen and where they may speak; the page refreshes its pickers from this. */
  const whereAndWho = async () => ({
    people: await webPeople(conversation.db),
    channels: await localChannels(conversation.db),
    real: await hasRealProgramme(conversation.db),
    example: await localCaseRefExample(conversation.db),
  });

  return (server) => {
    server.get('/', localOnly, async (_req: Request, res: Response) => {
      try {
        sendHtml(res, 200, chatPage({ digestPreview: await hasDigestPreview(), ...(await whereAndWho()) }));
      } catch (error) {
        fail(res, error);
      }
    });

    server.get('/web/where', localOnly, async (_req: Request, res: Response) => {
      try {
        res.send(200, await whereAndWho(), { 'cache-control': 'no-store' });
      } catch (error) {
        fail(res, error);
      }
    });

    // What the bot posted in a local channel (a digest, a coach's prompt) or in the person's own
    // direct conversation (their part of the digest, a reminder); never someone else's.
    server.get('/web/channel', localOnly, async (req: Request, res: Response) => {
      try {
        const person = await userOf(req);
        const wanted = param(req, 'c') ?? '';
        const own = wanted === `web-${person.userId}`;
        const channel = own ? { id: wanted, name: 'direct' } : await localChannel(conversation.db, wanted);
        const messages = await recentMessages(conversation.db, LOCAL_WORKSPACE_ID, channel.id);
        res.send(
          200,
          { channel, messages: messages.map((m) => ({ messageId: m.messageId, kind: m.reply.kind, html: m.reply.html })) },
          { 'cache-control': 'no-store' },
        );
      } catch (error) {
        fail(res, error);
      }
    });

    server.get('/static/:name', localOnly, async (req: Request, res: Response) => {
      const file = files.get(String(req.params.name));
      if (!file) {
        res.send(404, { code: 'not_found', message: 'No such file.' });
        return;
      }
      res.sendRaw(200, file.body, { 'content-type': file.contentType, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    });

    server.get('/web/welcome', localOnly, async (req: Request, res: Response) => {
      try {
        const replies = await welcomeReplies(conversation, await userOf(req));
        res.send(200, { replies: renderReplies(replies) }, { 'cache-control': 'no-store' });
      } catch (error) {
        fail(res, error);
      }
    });

    server.post(
      WEB_TURN_PATH,
      localOnly,
      jsonOnly,
      restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }),
      async (req: Request, res: Response) => {
        try {
          const request = parseWebTurn(req.body);
          const person = await webPerson(conversation.db, request.as);
          if (request.where) await localChannel(conversation.db, request.where.conversation);
          const turn = toTurn(request, conversation.clock(), person);
          // Message text is personal data: the verb or the kind of turn only, and at debug.
          logger.debug({ code: 'web_turn', verb: turn.action?.verb ?? 'text' }, 'local chat turn');
          const replies = isDemoLoadTurn(turn) ? await demoLoadTurn(turn, conversation) : await handleTurn(turn, conversation);
          res.send(200, { replies: renderReplies(replies) }, { 'cache-control': 'no-store' });
        } catch (error) {
          fail(res, error);
        }
      },
    );

    // A tracker from the page's file picker: raw bytes (a cross-site form cannot send this type
    // without a preflight the server never grants), the name in a header, the size capped.
    server.post(
      WEB_UPLOAD_PATH,
      localOnly,
      only('application/octet-stream', 'octet_stream_only', 'Send the file as application/octet-stream.'),
      async (req: Request, res: Response) => {
        try {
          const data = await readUpload(req, MAX_TRACKER_BYTES);
          if (data.length === 0) {
            res.send(400, { code: 'empty_file', message: 'The file is empty. Choose your tracker (.xlsx or .csv) again.' });
            return;
          }
          const turn = uploadTurn(await userOf(req), uploadName(req.headers['x-file-name']), data, conversation.clock());
          logger.debug({ code: 'web_upload', bytes: data.length }, 'local chat upload');
          res.send(200, { replies: renderReplies(await handleTurn(turn, conversation)) }, { 'cache-control': 'no-store' });
        } catch (error) {
          if (error instanceof UploadTooLarge) {
            tooLarge(res, 'file_too_large', 'That file is larger than 10 MB. Save only the tracker sheet as a .csv and try again.');
            return;
          }
          fail(res, error);
        }
      },
    );

    // "Open the page" of a web page the bot made (the meeting pack): a form the chat posts into a
    // new tab, answered under the page's own policy (open-page.ts), never the chat's.
    server.post(
      WEB_PAGE_PATH,
      localOnly,
      only('application/x-www-form-urlencoded', 'form_only', 'Send the page as a form (application/x-www-form-urlencoded).'),
      async (req: Request, res: Response) => {
        try {
          const { html, headers } = openedPage(await readUpload(req, MAX_OPEN_PAGE_BYTES));
          res.sendRaw(200, html, headers);
        } catch (error) {
          if (error instanceof UploadTooLarge) {
            tooLarge(res, 'page_too_large', 'That page is too large to open here. Use its Download link instead.');
            return;
          }
          fail(res, error);
        }
      },
    );

    server.get('/web/digest-preview', localOnly, async (req: Request, res: Response) => {
      try {
        const replies = await digestPreviewReplies(conversation, await userOf(req));
        if (!replies) {
          res.sendRaw(404, 'digest preview not available yet', { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
          return;
        }
        sendHtml(res, 200, repliesPage('Digest preview', renderReplies(replies).map((r) => r.html)));
      } catch (error) {
        fail(res, error);
      }
    });
  };
}
