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
