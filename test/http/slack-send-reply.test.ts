import { crc32, deflateSync } from 'node:zlib';
import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendReplies } from '../../adapters/slack/send-reply.js';
import type { Card } from '../../cards/model.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

let fake: FakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});

afterAll(() => fake?.close());

afterEach(() => {
  expect(fake.unhandled).toEqual([]);
  fake.clear();
});

/** A valid 2×1 greyscale PNG, so the upload carries genuine image bytes. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 2×1, 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const formCard: Card = {
  title: 'Set up your programme',
  form: { id: 'programme-settings', title: 'Programme', submitLabel: 'Save', submit: { verb: 'setup.programme.save' }, inputs: [{ kind: 'text', id: 'name', label: 'Name' }] },
};

describe('sendReplies: images', () => {
  it('uploads a chart through getUploadURLExternal → upload_url → completeUploadExternal into the thread', async () => {
    const png = tinyPng();
    await sendReplies(client, [{ kind: 'image', png, alt: 'Run chart of weeks to permanence', title: 'Weeks to permanence' }], {
      channel: 'C-GENERAL',
      threadTs: '1700000000.000001',
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const [getUrl, upload, complete] = fake.calls;
    expect(getUrl!.body).toMatchObject({ filename: 'chart.png', length: String(png.length), alt_text: 'Run chart of weeks to permanence' });
    expect(upload!.bytes).toBeGreaterThan(png.length); // multipart around the PNG
    expect(upload!.authorization).toBe('Bearer xoxb-test');
    expect(complete!.body).toMatchObject({ channel_id: 'C-GENERAL', thread_ts: '1700000000.000001', files: [{ id: upload!.body.fileId, title: 'Weeks to permanence' }] });
  });

  it('posts a card with blocks and a text fallback, then uploads its images beside it', async () => {
    const card: Card = { title: 'Weeks to permanence', sections: [{ text: 'Median *28* weeks' }], images: [{ png: tinyPng(), alt: 'Run chart' }] };
    await sendReplies(client, [{ kind: 'card', card }], { channel: 'D-ADA' });
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const post = fake.calls[0]!;
    expect(post.body.text).toContain('Weeks to permanence');
    expect(post.body.blocks[0]).toMatchObject({ type: 'header' });
    expect(fake.calls[3]!.body.channel_id).toBe('D-ADA');
  });
});

describe('sendReplies: where answers go', () => {
  it('replaces the card a button was on with chat.update', async () => {
    await sendReplies(client, [{ kind: 'card', card: { title: 'Saved' }, replaces: true }], { channel: 'D-ADA', messageTs: '1700000200.000200' });
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.update']);
    expect(fake.calls[0]!.body).toMatchObject({ channel: 'D-ADA', ts: '1700000200.000200', text: 'Saved' });
  });

  it('answers through the response_url: ephemeral, or replace_original for an ephemeral card', async () => {
    const responseUrl = fake.responseUrl('r1');
    await sendReplies(client, [{ kind: 'text', text: 'Only you can see this' }, { kind: 'card', card: { title: 'Updated' }, replaces: true }], {
      channel: 'C-GENERAL',
      responseUrl,
    });
    const posts = fake.callsTo('response_url:r1');
    expect(posts.map((p) => p.body)).toEqual([
      expect.objectContaining({ text: 'Only you can see this', response_type: 'ephemeral' }),
      expect.objectContaining({ text: 'Updated', replace_original: true }),
    ]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('opens a form before anything else, with where to answer in private_metadata', async () => {
    await sendReplies(client, [{ kind: 'text', text: 'First' }, { kind: 'form', card: formCard }], {
      channel: 'C-GENERAL',
      threadTs: '1700000000.000009',
      triggerId: 'trig-1',
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['views.open', 'chat.postMessage']);
    const view = fake.calls[0]!.body.view;
    expect(JSON.parse(view.private_metadata)).toEqual({ a: { verb: 'setup.programme.save' }, c: 'C-GENERAL', t: '1700000000.000009' });
  });

  it('offers an "Open form" button when the trigger has expired', async () => {
    fake.failNext('views.open', 'expired_trigger_id');
    await sendReplies(client, [{ kind: 'form', card: formCard }], { channel: 'D-ADA', triggerId: 'trig-old', sourceText: 'setup' });
    expect(fake.calls.map((c) => c.method)).toEqual(['views.open', 'chat.postMessage']);
    const button = fake.calls[1]!.body.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    expect(button.text.text).toBe('Open form');
    expect(JSON.parse(button.value)).toEqual({ verb: 'slack.form.open', data: { text: 'setup' } });
  });
});
