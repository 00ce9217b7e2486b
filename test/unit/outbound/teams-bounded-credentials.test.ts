import { describe, expect, it } from 'vitest';
import { boundedCredentials } from '../../../adapters/teams/bounded-credentials.js';

type Factory = Parameters<typeof boundedCredentials>[0];

/** A credentials factory like botbuilder's, whose token fetch (inside signRequest) takes `signMs`, or never ends. */
function factory(signMs: number | 'never'): Factory {
  return {
    isValidAppId: async (appId: string) => appId === 'app-1',
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      appId: 'app-1',
      signRequest: (request: { headers: Map<string, string> }) =>
        signMs === 'never'
          ? new Promise(() => {})
          : new Promise((resolve) => setTimeout(() => resolve(request.headers.set('authorization', 'Bearer t')), signMs)),
    }),
  } as unknown as Factory;
}

describe('boundedCredentials (the Entra token fetch before each Bot Connector call)', () => {
  it('gives up a token fetch that hangs after the budget, as an outbound timeout', async () => {
    const credentials = await boundedCredentials(factory('never'), 40).createCredentials('app-1', undefined, '', true);
    const started = Date.now();
    await expect(credentials.signRequest({ headers: new Map() } as never)).rejects.toMatchObject({ code: 'outbound_timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('passes a timely token through, and everything else untouched', async () => {
    const bounded = boundedCredentials(factory(5), 1000);
    expect(await bounded.isValidAppId('app-1')).toBe(true);
    expect(await bounded.isAuthenticationDisabled()).toBe(false);
    const credentials = await bounded.createCredentials('app-1', undefined, '', true);
    const request = { headers: new Map<string, string>() };
    await credentials.signRequest(request as never);
    expect(request.headers.get('authorization')).toBe('Bearer t');
    expect((credentials as unknown as { appId: string }).appId).toBe('app-1');
  });
});
