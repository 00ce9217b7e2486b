import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { UpstreamError } from '../../src/errors.js';
import type { Outbound } from '../../src/outbound/outbound.js';

/** botframework-connector's options and HttpClient types; botbuilder does not re-export them by name. */
type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

/** Answers the Azure pipeline would try again on its own (its default retry policy). */
const PIPELINE_RETRIES = (status: number) => status === 408 || (status >= 500 && status !== 501 && status !== 505) || status === 429;

/**
 * ConnectorClient options whose HTTP client sends every Bot Connector call (replies, proactive
 * sends, updates, member look-ups) through the outbound gate: a timeout per try, retries honouring
 * Retry-After on 429 and 503, and a limit per conversation — the connector's requests name no
 * tenant, and each conversation belongs to one. The pipeline's own retry policy would try a failed
 * answer again, multiplying the tries and ignoring our limits; it never sees one, because a final
 * failure is thrown as an UpstreamError, which that policy passes straight on.
 */
export function connectorClientOptions(outbound: Outbound, mode: { repeatable: boolean }): ConnectorClientOptions {
  const httpClient: HttpClient = {
    async sendRequest(request: WebResource): Promise<CompatResponse> {
      const { conversation, route } = routeOf(request.url);
      const signal = request.abortSignal instanceof AbortSignal ? request.abortSignal : undefined;
      const response = await outbound.fetch(
        request.url,
        {
          method: request.method,
          headers: request.headers.rawHeaders(),
          ...(request.body !== undefined && request.body !== null && { body: request.body }),
          ...(signal && { signal }),
        },
        {
          label: `teams ${request.method} ${route}`,
          slots: [{ key: `teams:${conversation}`, limit: outbound.policy.conversationConcurrency }],
          repeatable: mode.repeatable || request.method === 'GET',
        },
      );
      const bodyAsText = await response.text();
      if (PIPELINE_RETRIES(response.status)) {
        throw new UpstreamError('teams_connector_unavailable', 'Sorry — Teams is not taking messages right now. Please try again in a minute.', {
          status: response.status,
        });
      }
      return { request, status: response.status, headers: headersLike(response.headers), bodyAsText } as CompatResponse;
    },
  };
  return { httpClient };
}

/** `…/v3/conversations/{id}/activities/{activityId}` → the conversation (thread suffix dropped) and the route's shape. */
function routeOf(url: string): { conversation: string; route: string } {
  const parsed = new URL(url);
  const parts = parsed.pathname.split('/').filter(Boolean);
  const at = parts.indexOf('conversations');
  const raw = at >= 0 ? parts[at + 1] : undefined;
  if (!raw) return { conversation: parsed.host, route: parts.slice(0, 2).join('/') || '/' };
  const conversation = decodeURIComponent(raw).split(';messageid=')[0]!;
  return { conversation, route: `conversations/${parts[at + 2] ?? ''}`.replace(/\/$/, '') };
}

/** The few header operations the pipeline performs on an answer, over fetch's Headers. */
function headersLike(source: Headers): HeadersLike {
  const map = new Map<string, { name: string; value: string }>();
  source.forEach((value, name) => map.set(name.toLowerCase(), { name, value }));
  const like: HeadersLike = {
    set: (name, value) => void map.set(name.toLowerCase(), { name, value: String(value) }),
    get: (name) => map.get(name.toLowerCase())?.value,
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => Object.fromEntries([...map.values()].map((h) => [h.name, h.value])),
    headersArray: () => [...map.values()],
    headerNames: () => [...map.values()].map((h) => h.name),
    headerValues: () => [...map.values()].map((h) => h.value),
    clone: () => headersLike(new Headers(like.rawHeaders())),
    toJson: () => like.rawHeaders(),
  };
  return like;
}
