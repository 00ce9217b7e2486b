import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

interface Rendered {
  kind: string;
  html: string;
  replaces?: boolean;
  refused?: boolean;
}

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${app.url}/web/turn`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { replies: Rendered[]; code?: string; message?: string } };
}

const say = async (as: string, text: string) => {
  const { status, body } = await post({ as, text });
  expect(status).toBe(200);
  return body.replies;
};

describe('POST /web/turn', () => {
  it('answers text with the replies rendered as HTML', async () => {
    const [help] = await say('demo-admin', 'help');
    expect(help!.kind).toBe('text');
    expect(help!.html).toMatch(/^<div class="bubble"><p><strong>What you can do<\/strong> \(admin\)/);
    expect(help!.html).toContain('Set-up checklist');
    expect(help!.html).toContain('<code>import</code>');
  });

  it('escapes everything a person typed', async () => {
    const [reply] = await say('demo-admin', 'setup programme "<img src=x onerror=alert(1)>"');
    expect(reply!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(reply!.html).not.toContain('<img');
  });

  it('renders a form with a label for every control, and takes its submission as an action', async () => {
    const [form] = await say('demo-admin', 'setup');
    expect(form!.kind).toBe('form');
    const ids = [...form!.html.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(form!.html).toContain(`<label for="${id}">`);
    const submit = JSON.parse(/data-submit="([^"]+)"/.exec(form!.html)![1]!.replace(/&quot;/g, '"'));
    const values = { name: 'Riverside PACE', timeZone: 'Europe/London', caseRefPattern: '^C\\d{4}$', ruleSet: 'ihi' };
    const { status, body } = await post({ as: 'demo-admin', action: { ...submit, values } });
    expect(status).toBe(200);
    expect(body.replies[0]!.html).toContain('Programme <strong>Riverside PACE</strong> saved');
  });

  it('refuses to load demo data over a real programme', async () => {
    const [reply] = await say('demo-admin', 'demo load');
    expect(reply!.html).toContain('already has its own programme (Riverside PACE)');
  });

  it('refuses bodies that are not a turn with 400 and says what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /^as: Invalid input: expected string/],
      [{ as: 'U-SOMEONE', text: 'help' }, /^as: must be the id of a person the picker offers, like demo-admin$/],
      [{ as: 'demo-admin' }, /send either text or action/],
      [{ as: 'demo-admin', text: 'help', action: { verb: 'x' } }, /send either text or action/],
      [{ as: 'demo-admin', text: '   ' }, /^text: is empty$/],
      [{ as: 'demo-admin', action: { verb: '' } }, /^action\.verb:/],
      [{ as: 'demo-admin', text: 'help', extra: true }, /extra/],
    ];
    for (const [body, message] of cases) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ code: 'bad_web_turn', message: expect.stringMatching(message) });
    }
    expect((await post('{"as":', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('as=demo-admin&text=help', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });
});

describe('the chat over the demo', () => {
  beforeAll(async () => {
    // The programme above belongs to the local workspace; a fresh app gives the demo an empty one.
    await app.stop();
    app = await startTestApp();
    const [loaded] = await say('demo-admin', 'demo load');
    expect(loaded!.html).toContain('Glenmoray PACE (demo)</strong> is loaded');
  });

  it('shows a chart as an image with its alt text', async () => {
    const replies = await say('demo-lead', 'chart accommodation to permanence recommendation');
    const image = replies.find((r) => r.kind === 'image')!;
    // The chart is a button that opens it full size (public/lightbox.js), named for what it opens.
    expect(image.html).toMatch(/^<figure class="chart"><button type="button" class="chart-zoom" aria-label="Open full size: [^"]+"><img src="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}" alt="[^"]{40,}"><\/button>/);
    expect(image.html).toContain('<figcaption class="visually-hidden">Accommodation to permanence recommendation</figcaption>');
  });

  it('re-renders a form with each error beside its field', async () => {
    const [form] = await say('demo-member', 'pdsa new');
    const submit = JSON.parse(/data-submit="([^"]+)"/.exec(form!.html)![1]!.replace(/&quot;/g, '"'));
    const { body } = await post({ as: 'demo-member', action: { ...submit, values: { title: 'Drift check', groupKey: 'permanence-milestones', objective: 'Try it', prediction: 'x' } } });
    const errors = body.replies.find((r) => r.kind === 'form_errors')!;
    expect(errors.html).toMatch(/<p class="error" id="[^"]+-prediction-error" role="alert">Say a little more in the prediction/);
    expect(errors.html).toMatch(/name="prediction"[^>]*aria-invalid="true"/);
    expect(errors.html).toContain('value="Drift check"');
  });

  it('loads the demo only for an admin', async () => {
    const [reply] = await say('demo-member', 'demo load');
    expect(reply!.html).toContain('Only an admin can load demo data');
  });

  it('opens on the person’s home page once there is a programme', async () => {
    const response = await fetch(`${app.url}/web/welcome?as=demo-member`);
    const { replies } = (await response.json()) as { replies: Rendered[] };
    expect(replies.map((r) => r.kind)).toEqual(['text', 'card', 'card', 'card']);
    expect(replies[0]!.html).toContain('You are <strong>Jamie Munro</strong>');
    expect(replies.map((r) => r.html).join('')).toContain('T-20 Drift check at the West team meeting');
  });

  it('marks a form turned down as a whole as refused, so the page keeps it open; an answer is not', async () => {
    const [form] = await say('demo-admin', 'group new');
    const submit = JSON.parse(/data-submit="([^"]+)"/.exec(form!.html)![1]!.replace(/&quot;/g, '"'));
    const values = { name: 'Kinship care', aimStatement: 'More children placed with family', aimTarget: 'half within 20 weeks', aimTargetDate: '2027-12-31' };
    // Sent by someone who may not create groups: no field to fix, the whole form is turned down.
    const { status, body } = await post({ as: 'demo-member', action: { ...submit, values } });
    expect(status).toBe(200);
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]).toMatchObject({ kind: 'text', refused: true });
    expect(body.replies[0]!.html).toContain('Only an admin');
    const [help] = await say('demo-admin', 'help');
    expect(help!.refused).toBeUndefined();
  });
});
