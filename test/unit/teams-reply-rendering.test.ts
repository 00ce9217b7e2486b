import { describe, expect, it } from 'vitest';
import { splitInvokeReplies } from '../../adapters/teams/invoke-response.js';
import { replyActivity } from '../../adapters/teams/send-reply.js';
import type { Card } from '../../cards/model.js';
import type { Reply } from '../../src/conversation/turn.js';

// A 1×1 PNG: enough for the renderer to read its size.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const form: Card = {
  title: 'Set up your programme',
  form: {
    id: 'programme-settings',
    title: 'Programme',
    submitLabel: 'Save',
    submit: { verb: 'setup.programme.save' },
    inputs: [
      { kind: 'text', id: 'name', label: 'Programme name', required: true },
      { kind: 'text', id: 'timeZone', label: 'Time zone' },
    ],
  },
};

type Node = {
  type: string;
  id?: string;
  text?: string;
  color?: string;
  url?: string;
  altText?: string;
  errorMessage?: string;
};
const cardOf = (reply: Reply) =>
  (replyActivity(reply).attachments![0]!.content as { body: Node[] }).body;

describe('Reply → Teams activity', () => {
  it("sends text as Teams markdown: our *bold* becomes **bold**, a user's angle brackets are escaped", () => {
    const activity = replyActivity({ kind: 'text', text: 'Saved *C1042*: <at>x</at> `help`' });
    expect(activity).toMatchObject({ type: 'message', textFormat: 'markdown' });
    expect(activity.text).toBe('Saved **C1042**: &lt;at>x&lt;/at> `help`');
  });

  it('sends a form as an Adaptive Card attachment with its inputs', () => {
    const attachment = replyActivity({ kind: 'form', card: form }).attachments![0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(
      cardOf({ kind: 'form', card: form })
        .map((n) => n.id)
        .filter(Boolean),
    ).toEqual(['name', 'timeZone']);
  });

  it('re-renders a form with each error in red under its input and stray errors in the top line', () => {
    const body = cardOf({
      kind: 'form_errors',
      card: form,
      errors: { name: 'The name needs at least 2 characters.', form: 'Nothing was saved.' },
    });
    const index = body.findIndex((n) => n.id === 'name');
    expect(body[index]!.errorMessage).toBe('The name needs at least 2 characters.');
    expect(body[index + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'attention',
      text: 'The name needs at least 2 characters.',
    });
    expect(body[1]).toMatchObject({
      color: 'attention',
      text: 'Please check the form: Nothing was saved.',
    });
    expect(body.filter((n) => n.color === 'attention')).toHaveLength(2);
  });

  it('puts an image inside a card as a data URI with its alt text', () => {
    const body = cardOf({
      kind: 'image',
      png: PNG,
      alt: 'Run chart of weeks to permanence, 12 points',
      title: 'Weeks to permanence',
    });
    const image = body.find((n) => n.type === 'Image')!;
    expect(image.url).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(image.altText).toBe('Run chart of weeks to permanence, 12 points');
  });

  const pack: Reply = {
    kind: 'file',
    data: Buffer.from('%PDF-1.7 …'),
    fileName: 'meeting-pack-2027-04-01.pdf',
    mimeType: 'application/pdf',
    title: 'Meeting pack',
    alt: 'A cover, then two pages a group.',
    again: { verb: 'meeting.pack' },
    askFor: 'meeting pack',
  };

  it('offers a file through a consent card in a personal chat, carrying how to make it again', () => {
    const activity = replyActivity(pack, true);
    const consent = activity.attachments?.[0];
    expect(consent?.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(consent?.content).toMatchObject({ acceptContext: { again: { verb: 'meeting.pack' }, fileName: 'meeting-pack-2027-04-01.pdf' } });
  });

  it('says where to ask for a file in a channel, where Teams takes no consent card from a bot', () => {
    const activity = replyActivity(pack, false);
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toMatch(/\*\*Meeting pack\*\* — A cover, then two pages a group\.\s+Teams lets me share files only in our personal chat: message me `meeting pack` there\./);
  });
});

describe('invoke answers', () => {
  const text = (value: string): Reply => ({ kind: 'text', text: value });

  it('answers with the first card and leaves the rest to be sent as messages', () => {
    const replies: Reply[] = [
      text('Saved.'),
      { kind: 'card', card: { title: 'Aim group' } },
      text('Next: add a lead.'),
    ];
    const { response, rest } = splitInvokeReplies(replies);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard' },
    });
    expect(rest).toEqual([text('Saved.'), text('Next: add a lead.')]);
  });

  it('answers text-only replies with the first text as plain text', () => {
    const { response, rest } = splitInvokeReplies([
      text('Programme *Northshire* saved.'),
      text('Second.'),
    ]);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Programme Northshire saved.',
    });
    expect(rest).toEqual([text('Second.')]);
  });

  it('still answers when the core returned nothing', () => {
    expect(splitInvokeReplies([]).response.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Done.',
    });
  });
});
