import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../src/config.js';
import { backoffMs, DEFAULT_OUTBOUND_POLICY, outboundPolicy, retryAfterMs } from '../../../src/outbound/outbound-policy.js';

describe('retryAfterMs', () => {
  it('reads delta-seconds, including fractions', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs(' 1.5 ')).toBe(1500);
  });

  it('reads an HTTP date as the time left until it', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(retryAfterMs('Sun, 06 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Sun, 06 Dec 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable, so the backoff applies', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('')).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('-4')).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles per failed try, jittered between half and all of it, and stops growing at 5 s', () => {
    const policy = { ...DEFAULT_OUTBOUND_POLICY, backoffMs: 200 };
    expect(backoffMs(policy, 1, () => 0)).toBe(100);
    expect(backoffMs(policy, 1, () => 1)).toBe(200);
    expect(backoffMs(policy, 3, () => 1)).toBe(800);
    expect(backoffMs(policy, 12, () => 1)).toBe(5000);
  });
});

describe('outboundPolicy', () => {
  it('has the documented defaults, and every one can be set', () => {
    expect(outboundPolicy(testConfig())).toEqual(DEFAULT_OUTBOUND_POLICY);
    const tuned = outboundPolicy(
      testConfig({ OUTBOUND_TIMEOUT_MS: '300', OUTBOUND_ATTEMPTS: '2', OUTBOUND_WORKSPACE_CONCURRENCY: '8' }),
    );
    expect(tuned).toMatchObject({ timeoutMs: 300, attempts: 2, workspaceConcurrency: 8 });
  });

  it('refuses a value that would switch a limit off', () => {
    expect(() => testConfig({ OUTBOUND_ATTEMPTS: '0' })).toThrow(/OUTBOUND_ATTEMPTS/);
    expect(() => testConfig({ OUTBOUND_CONVERSATION_CONCURRENCY: 'lots' })).toThrow(/OUTBOUND_CONVERSATION_CONCURRENCY/);
  });
});
