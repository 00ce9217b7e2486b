import { describe, expect, it } from 'vitest';
import type { Card, CardAction } from '../../cards/model.js';
import { toHtml } from '../../cards/to-html.js';
import { cardFixture, FIXTURE_INPUT_IDS, formFixture } from './cards-fixtures.js';

const XSS = `<script>alert("x")</script><img src=x onerror='y'>&`;

const OUR_TAGS = new Set(
  'article h3 h4 p dl div dt dd section ul li strong em code a figure img figcaption button form label span input select option textarea br'.split(
    ' ',
  ),
);

/** Undoes our attribute escaping, as a browser does when it reads an attribute. */
const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every start tag with its attributes, read the simple way our own output allows. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}(\\s[^>]*)?>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((attr) => [
        attr[1]!,
        unescape(attr[2] ?? ''),
      ]),
    ),
  );
}

describe('toHtml', () => {
  it('renders a semantic article: h3 title, dl facts, sections, figure with alt text', () => {
    const card = cardFixture();
    const html = toHtml(card);
    expect(html.startsWith('<article class="card">')).toBe(true);
    expect(html.endsWith('</article>')).toBe(true);
    expect(html).toContain(`<h3 class="card-title">Weekly digest — Northside champions</h3>`);
    expect(html).toContain('<dl class="card-facts"><div><dt>Cases</dt><dd><p>12</p></dd></div>');
    expect(html).toContain(
      '<h4>Change ideas</h4><p>Two ideas <strong>in test</strong>, one <em>adopted</em>.</p>',
    );
    const [img] = tags(html, 'img');
    expect(img!.alt).toBe(card.images![0]!.alt);
    expect(
      Buffer.from(img!.src!.replace('data:image/png;base64,', ''), 'base64').equals(
        card.images![0]!.png,
      ),
    ).toBe(true);
  });

  it('escapes every user string, so no markup from the card reaches the page', () => {
    const evil: Card = {
      title: XSS,
      subtitle: XSS,
      facts: [{ label: XSS, value: XSS }],
      sections: [
        {
          heading: XSS,
          text: `${XSS}\n- ${XSS} [${XSS}](javascript:alert(1))`,
          facts: [{ label: XSS, value: XSS }],
        },
      ],
      images: [{ png: Buffer.from('x'), alt: XSS, title: XSS }],
      buttons: [{ id: XSS, label: XSS, action: { verb: XSS, data: { note: XSS } } }],
      form: formFixture({
        id: XSS,
        title: XSS,
        submitLabel: XSS,
        submit: { verb: XSS },
        inputs: [
          { kind: 'text', id: 'a', label: XSS, value: XSS, placeholder: XSS, hint: XSS },
          { kind: 'multiline', id: 'b', label: XSS, value: `</textarea>${XSS}` },
          {
            kind: 'choice',
            id: 'c',
            label: XSS,
            options: [{ value: XSS, label: XSS }],
            allowOther: true,
          },
          { kind: 'people', id: 'd', label: XSS, value: [XSS] },
        ],
      }),
    };
    const html = toHtml(evil, { errors: { a: XSS, elsewhere: XSS } });
    const tagNames = new Set(
      [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()),
    );
    expect([...tagNames].filter((name) => !OUR_TAGS.has(name))).toEqual([]);
    const attributeNames = [...OUR_TAGS].flatMap((name) => tags(html, name).flatMap(Object.keys));
    expect(attributeNames.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(tags(html, 'a')).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // Attribute values cannot be broken out of either: each tag's attributes parse cleanly.
    expect(tags(html, 'button')[0]!['data-verb']).toBe(XSS);
  });

  it('makes buttons keyboard-reachable with a visible label and the action as JSON', () => {
    const card = cardFixture();
    const html = toHtml(card);
    const buttons = tags(html, 'button').filter((b) => b.type === 'button');
    expect(buttons).toHaveLength(2);
    buttons.forEach((button, i) => {
      const source = card.buttons![i]!;
      expect(button['data-button-id']).toBe(source.id);
      expect(button['data-verb']).toBe(source.action.verb);
      expect(JSON.parse(button['data-action']!) as CardAction).toEqual(source.action);
      expect(html).toContain(`>${source.label}</button>`);
      expect(button.tabindex).toBeUndefined();
    });
  });

  it('gives every form control a <label for>, a name, and an error slot it points to', () => {
    const form = formFixture();
    const html = toHtml(cardFixture({ form }));
    const controls = [...tags(html, 'input'), ...tags(html, 'select'), ...tags(html, 'textarea')];
    expect(controls.map((c) => c.name).sort()).toEqual([...FIXTURE_INPUT_IDS].sort());
    const labelled = new Set(tags(html, 'label').map((label) => label.for));
    const errorSlots = new Set(
      tags(html, 'p')
        .filter((p) => p.class === 'error')
        .map((p) => p.id),
    );
    for (const control of controls) {
      expect(labelled.has(control.id)).toBe(true);
      expect(errorSlots.has(`${control.id}-error`)).toBe(true);
      expect(control['aria-describedby']!.split(' ')).toContain(`${control.id}-error`);
    }
    expect(new Set(controls.map((c) => c.id)).size).toBe(controls.length);
  });

  it('uses the right control per input kind, with required and initial values', () => {
    const html = toHtml(cardFixture({ form: formFixture() }));
    const byName = (tag: string, name: string) => tags(html, tag).find((t) => t.name === name)!;
    expect(byName('input', 'title')).toMatchObject({ type: 'text', required: '', maxlength: '80' });
    expect(byName('textarea', 'plan')).toMatchObject({
      'aria-describedby': 'pdsa-new-plan-hint pdsa-new-plan-error',
    });
    expect(byName('textarea', 'plan').required).toBeUndefined();
    expect(byName('input', 'due')).toMatchObject({
      type: 'date',
      value: '2026-12-01',
      required: '',
    });
    // With "other", the list alone is not required: the typed value may be the answer.
    expect(byName('select', 'idea').required).toBeUndefined();
    expect(html).toContain('<option value="ci-2" selected>Shared visit notes</option>');
    expect(byName('input', 'idea__other')).toMatchObject({ type: 'text' });
    expect(byName('input', 'owners')).toMatchObject({ type: 'text', value: 'U111, U222' });
    expect(html).toContain('Names of people already added (with person add), separated by commas.');
    expect(html).toContain(
      '<label for="pdsa-new-plan">Plan <span class="optional">(optional)</span></label>',
    );
  });

  it('carries the form id and submit action on the form element', () => {
    const form = formFixture();
    const [formTag] = tags(toHtml(cardFixture({ form })), 'form');
    expect(formTag!['data-form-id']).toBe(form.id);
    expect(JSON.parse(formTag!['data-submit']!)).toEqual(form.submit);
  });

  it('shows errors inline by field, marks the field invalid, and keeps unknown ones at the top', () => {
    const html = toHtml(cardFixture({ form: formFixture() }), {
      errors: { due: 'The study date must be after today.', _form: 'Could not save, try again.' },
    });
    expect(html).toContain(
      '<p class="error" id="pdsa-new-due-error" role="alert">The study date must be after today.</p>',
    );
    expect(tags(html, 'input').find((t) => t.name === 'due')!['aria-invalid']).toBe('true');
    expect(tags(html, 'input').find((t) => t.name === 'title')!['aria-invalid']).toBeUndefined();
    expect(html).toContain(
      '<p class="error form-error" role="alert">Could not save, try again.</p>',
    );
  });

  it('lets the page prefix element ids so two copies of a form do not clash', () => {
    const html = toHtml(cardFixture({ form: formFixture() }), { idPrefix: 'm42-' });
    expect(tags(html, 'input').find((t) => t.name === 'title')!.id).toBe('m42-title');
    expect(html).toContain('<label for="m42-title">');
  });
});

describe('toHtml ids', () => {
  it('gives every element a unique id, even when an input is called "title"', () => {
    const card: Card = {
      title: 'Plan',
      form: {
        id: 'pdsa-plan',
        title: 'New test of change',
        submitLabel: 'Save',
        submit: { verb: 'pdsa.plan.save' },
        inputs: [{ kind: 'text', id: 'title', label: 'Title', required: true }],
      },
    };
    const html = toHtml(card);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const input = tags(html, 'input').find((attrs) => attrs.name === 'title')!;
    expect(tags(html, 'label').filter((attrs) => attrs.for === input.id)).toHaveLength(1);
  });
});

describe('a people field in the local chat', () => {
  it('shows the people by name, never their platform ids', () => {
    const card: Card = {
      title: 'Plan',
      form: formFixture({
        id: 'plan',
        title: 'Plan',
        submitLabel: 'Save',
        submit: { verb: 'pdsa.plan' },
        inputs: [{ kind: 'people', id: 'ownerId', label: 'Owner', value: ['demo-admin'], names: ['Alex Admin'] }],
      }),
    };
    const html = toHtml(card);
    expect(html).toContain('value="Alex Admin"');
    expect(html).not.toContain('demo-admin');
  });
});

describe('a required choice that may also be typed', () => {
  it('is not labelled optional: the label says to pick one or type one', () => {
    const card: Card = {
      title: 'Plan',
      form: formFixture({
        id: 'plan',
        title: 'Plan',
        submitLabel: 'Save',
        submit: { verb: 'pdsa.plan' },
        inputs: [{ kind: 'choice', id: 'idea', label: 'Change idea', required: true, allowOther: true, options: [{ value: 'a', label: 'A' }] }],
      }),
    };
    const html = toHtml(card);
    expect(html).not.toContain('(optional)');
    expect(html).toContain('Change idea <span class="optional">(pick one, or type a new one below)</span>');
  });
});
