import { OTHER_SUFFIX } from '../../cards/form-values.js';
import type { FormValues } from '../../cards/model.js';
import { findIdentifier, identifierMessage, type IdentifierKind } from '../domain/identifiers/index.js';
import { freeCaseRefExample } from '../programme/cases/case-ref-example.js';
import type { TurnContext } from './context.js';
import { formErrors } from './form-errors.js';
import type { ActionHandler } from './registry.js';
import { text } from './replies.js';
import type { Reply } from './turn.js';

/** Each form field holding an identifier, with its kind. */
function fieldsWithIdentifiers(values: FormValues, now: Date): Map<string, IdentifierKind> {
  const found = new Map<string, IdentifierKind>();
  for (const [field, value] of Object.entries(values)) {
    const hit = typeof value === 'string' ? findIdentifier(value, now) : null;
    if (hit) found.set(field, hit.kind);
  }
  return found;
}

/**
 * The text without the work e-mails the adapter found to belong to people of this workspace (Slack
 * users.lookupByEmail): a colleague's address, checked on the platform, names no child. Any other
 * e-mail is still refused.
 */
function withoutColleagues(said: string, people: TurnContext['turn']['people']): string {
  let rest = said;
  for (const email of (people ?? []).flatMap((p) => (p.email ? [p.email] : []))) {
    const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`<mailto:${escaped}(?:\\|[^>]*)?>|${escaped}`, 'gi'), ' ');
  }
  return rest;
}

const EMAILS = /<mailto:([^|>\s]+)(?:\|[^>]*)?>|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;
const MAX_EMAIL_LOOKUPS = 5;

/**
 * For a command that names colleagues: the e-mails in its words that belong to people on the
 * platform, added to the turn's people (so the guard lets them through and the command can add them).
 */
export async function lookUpColleagueEmails(ctx: TurnContext): Promise<void> {
  const { turn } = ctx;
  if (!turn.lookupEmail || !turn.text) return;
  const emails = [...new Set([...turn.text.matchAll(EMAILS)].map((m) => (m[1] ?? m[2]!).toLowerCase()))].slice(0, MAX_EMAIL_LOOKUPS);
  const found = await Promise.all(emails.map((email) => turn.lookupEmail!(email).catch(() => null)));
  const people = found.filter((p): p is NonNullable<typeof p> => p !== null && Boolean(p.email));
  if (people.length > 0) turn.people = [...(turn.people ?? []), ...people];
}

/**
 * The one identifier check on everything a person types, run before any handler sees the turn:
 * the message of a command, sentence or thread reply, and every value of a submitted form. A turn
 * that holds a date of birth, CHI or NHS number, postcode, email, phone number or a child's name is
 * answered with the kind found and goes no further, so nothing of it is stored, asked back or
 * echoed in an error. A form that can show it again gets the refusal beside each field, with those
 * fields emptied; any other answer is a plain message. Returns null for a turn with none.
 */
export async function refuseIdentifiers(ctx: TurnContext, handler?: ActionHandler): Promise<Reply[] | null> {
  const { turn, now } = ctx;
  // Read only when refusing: the example must be no child's (the demo holds C1042), which takes a query.
  const example = () => freeCaseRefExample(ctx.store, ctx.programme);
  const said = turn.text ? findIdentifier(withoutColleagues(turn.text, turn.people), now) : null;
  if (said) return refused(ctx, said.kind, [text(identifierMessage(said.kind, 'That', await example()))]);
  const values = turn.action?.values;
  if (!values) return null;
  const fields = fieldsWithIdentifiers(values, now);
  if (fields.size === 0) return null;
  const [first] = fields.values();
  if (!handler?.form) return refused(ctx, first!, [text(identifierMessage(first!, 'That', await example()))]);
  // A choice's typed "other" answer is shown beside the choice itself.
  const inputOf = (field: string) => (field.endsWith(OTHER_SUFFIX) ? field.slice(0, -OTHER_SUFFIX.length) : field);
  const shown = await example();
  const errors = Object.fromEntries([...fields].map(([field, kind]) => [inputOf(field), identifierMessage(kind, 'This', shown)]));
  const kept = Object.fromEntries(Object.entries(values).filter(([field]) => !fields.has(field)));
  const card = await handler.form(ctx, turn.action!.data ?? {}, kept);
  return refused(ctx, first!, [formErrors(errors, card)]);
}

function refused(ctx: TurnContext, kind: IdentifierKind, replies: Reply[]): Reply[] {
  // The kind only: the log must not hold what was refused either.
  ctx.deps.logger.info({ code: 'identifier_refused', kind, workspaceId: ctx.turn.workspaceId }, 'turn refused');
  return replies;
}
