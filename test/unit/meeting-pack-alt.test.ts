import { describe, expect, it } from 'vitest';
import { packAlt } from '../../src/meeting-pack/build-meeting-pack.js';

describe('what the meeting pack says it holds', () => {
  it('reads naturally for one aim group and for several', () => {
    expect(packAlt(1)).toMatch(/^A cover, then two A4 landscape pages for its aim group: /);
    expect(packAlt(3)).toMatch(/^A cover, then two A4 landscape pages for each of the 3 aim groups: /);
    expect(packAlt(1)).not.toMatch(/each of the 1/);
  });
});
