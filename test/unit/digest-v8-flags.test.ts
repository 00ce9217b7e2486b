import { describe, expect, it } from 'vitest';
import { acceptedDigestV8Flags, checkV8Flags, DIGEST_V8_FLAGS } from '../../src/digest/digest-v8-flags.js';

describe('V8 flags for the digest process', () => {
  it('are each tried on this Node, and one it does not know is left out rather than stopping the process', async () => {
    // Node refuses to start with an unknown V8 flag (exit code 9): such a flag must never reach fork.
    expect(await checkV8Flags(['--no-such-v8-flag-for-pacebot', ...DIGEST_V8_FLAGS])).toEqual([...DIGEST_V8_FLAGS]);
  }, 30_000);

  it('are all accepted by the Node these tests run on', async () => {
    expect(DIGEST_V8_FLAGS.length).toBeGreaterThan(0);
    expect(await acceptedDigestV8Flags()).toEqual([...DIGEST_V8_FLAGS]);
  }, 30_000);
});
