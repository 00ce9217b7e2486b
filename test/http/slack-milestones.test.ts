import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/store/collections.js';
import { blockActions, deliver, slackEvent, slashCommand } from '../fakes/slack-payloads.js';
import { useSlackTestApp } from '../helpers/slack-test-app.js';

/** Every log line the app writes at info and above, to prove no one's words end up there. */
const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
const s = useSlackTestApp(undefined, { logger });

beforeAll(async () => {
  await deliver(s.app.url, slashCommand({ text: 'setup programme "Alpha PACE"', response_url: s.fake.responseUrl('setup') }));
  await s.fake.waitFor('response_url:setup');
  s.fake.clear();
});

type Button = { text: { text: string }; value: string; action_id: string };
const buttonsOf = (blocks: { type: string; elements?: Button[] }[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!);

describe('a milestone told in a DM', () => {
  it('is confirmed with a card first, and stored only when Confirm is pressed', async () => {
    await deliver(s.app.url, slackEvent({ event: { text: 'C1042 accommodated 3 Oct 2026' } }));
    const [post] = await s.fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D-ADA');
    expect(post!.body.text).toContain('Check before I save');
    const confirm = buttonsOf(post!.body.blocks).find((b) => b.text.text === 'Confirm')!;
    expect(JSON.parse(confirm.value).verb).toBe('milestone.confirm');
    const cases = s.app.db.collection(COLLECTIONS.cases);
    expect(await cases.countDocuments({ workspaceId: 'T-ALPHA', caseRef: 'C1042' })).toBe(0);

    const click = await deliver(s.app.url, blockActions({ value: confirm.value, actionId: confirm.action_id, messageTs: '1700000500.000500' }));
    expect(click.status).toBe(200);
    // The confirmation card is replaced in place by what was stored.
    const [update] = await s.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'D-ADA', ts: '1700000500.000500' });
    expect(update!.body.text).toContain('C1042');
    await expect.poll(() => cases.countDocuments({ workspaceId: 'T-ALPHA', caseRef: 'C1042' })).toBe(1);
  });
});

describe('the logs', () => {
  it('say a turn happened, never what was said', () => {
    expect(logLines.some((line) => line.includes('"slack turn"'))).toBe(true);
    expect(logLines.join('\n')).not.toMatch(/C1042|accommodated|Alpha PACE/);
  });
});
