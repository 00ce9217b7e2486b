import { compileCaseRefPattern, findCaseReferences, TEST_NUMBER } from '../domain/case-reference.js';
import type { TurnContext } from './context.js';
import { mayNameChildren } from './may-name-children.js';
import type { Reply } from './turn.js';

export const ASK_IN_DIRECT_MESSAGE =
  'Please ask me that in a direct message: case references never go into a channel, so I haven’t acted on it here.';

export const KEPT_FOR_DIRECT_MESSAGE =
  'That answer names children, and case references never go into a channel. Ask me the same in a direct message and I’ll answer there.';

/** Every string a value carries, however deep: what a platform would show or keep of a reply. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Buffer.isBuffer(value)) return out;
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** Excel and CSV files: never checked cell by cell, so never sent to a channel. */
const SPREADSHEET = /spreadsheet|ms-excel|text\/csv/;

/** Pictures embedded in a page (base64): their letters and digits are not words. */
const DATA_URI = /data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g;

/** The words of a reply: its text, cards, alt text, tables and titles, and a text file's contents. */
function wordsOf(reply: Reply): string[] {
  if (reply.kind === 'file' && reply.mimeType.startsWith('text/')) {
    return stringsOf({ ...reply, data: reply.data.toString('utf8').replace(DATA_URI, '') });
  }
  return stringsOf(reply);
}

/** Tokens that look like case references under the area's pattern (never a test's number). */
function referencesIn(ctx: TurnContext, words: readonly string[]): string[] {
  const pattern = compileCaseRefPattern(ctx.programme?.caseRefPattern);
  const refs = words.flatMap((w) => findCaseReferences(w, pattern).map((m) => m.ref));
  return [...new Set(refs)].filter((ref) => !TEST_NUMBER.test(ref));
}

/**
 * Whether replies name a child the area holds. Help texts and refusals give made-up examples
 * ("e.g. C1042", "NS-1042"), which are fine anywhere unless a child really has that reference.
 */
async function namesHeldChild(ctx: TurnContext, words: readonly string[]): Promise<boolean> {
  const refs = referencesIn(ctx, words);
  if (refs.length === 0) return false;
  return (await ctx.store.cases.countDocuments({ caseRef: { $in: refs } })) > 0;
}

/**
 * Before any handler, for a message written in a channel or thread: one that names a child is not
 * acted on there (nothing is written, nothing echoed), and the person is asked to use a direct message.
 */
export function refuseChildInChannel(ctx: TurnContext): Reply[] | null {
  if (mayNameChildren(ctx.turn) || !ctx.turn.text) return null;
  if (referencesIn(ctx, [ctx.turn.text]).length === 0) return null;
  ctx.deps.logger.info({ code: 'case_ref_in_channel', workspaceId: ctx.turn.workspaceId }, 'turn refused');
  return [{ kind: 'text', text: ASK_IN_DIRECT_MESSAGE }];
}

/**
 * The last check before replies leave for a channel or thread: if any reply would name a child
 * (a builder that forgot where it was answering), none is sent, and the person is pointed to a
 * direct message. Builders should say children by date in a channel; this keeps a slip from leaking.
 */
export async function withholdChildrenFromChannel(ctx: TurnContext, replies: Reply[]): Promise<Reply[]> {
  if (mayNameChildren(ctx.turn)) return replies;
  // A workbook's cells are not read here, so none goes to a channel (a try-out: `privacy report`
  // typed in a channel uploaded one listing children's references). The meeting pack's PDF, built
  // to name no child, does.
  const workbook = replies.some((r) => r.kind === 'file' && SPREADSHEET.test(r.mimeType));
  if (!workbook && !(await namesHeldChild(ctx, replies.flatMap(wordsOf)))) return replies;
  // No message text here: only that a reply was withheld, so the builder can be found and fixed.
  ctx.deps.logger.warn(
    { code: 'case_ref_withheld_from_channel', workspaceId: ctx.turn.workspaceId, eventId: ctx.turn.eventId },
    'reply naming a child withheld from a channel',
  );
  return [{ kind: 'text', text: KEPT_FOR_DIRECT_MESSAGE }];
}
