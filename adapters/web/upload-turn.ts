import { randomUUID } from 'node:crypto';
import type { Turn } from '../../src/conversation/turn.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { ValidationError } from '../../src/errors.js';

/** The name the page sends in `x-file-name`, URI-encoded: a plain file name, nothing more. */
export function uploadName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(String(header ?? ''));
  } catch {
    name = '';
  }
  // Only the last path part, without control characters: it is shown back in the preview.
  const last = name.split(/[\\/]/).pop() ?? '';
  name = [...last].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').trim();
  if (!name || name.length > 200) {
    throw new ValidationError('bad_file_name', 'The file needs a name of up to 200 characters, like tracker.xlsx.');
  }
  return name;
}

/** A file chosen in the local chat's picker, as a turn that says `import` with the file attached. */
export function uploadTurn(person: { userId: string; name: string }, name: string, data: Buffer, receivedAt: Date): Turn {
  return {
    platform: 'web',
    workspaceId: LOCAL_WORKSPACE_ID,
    user: { id: person.userId, name: person.name },
    conversation: { id: `web-${person.userId}`, kind: 'direct' },
    text: 'import',
    files: [{ name, size: data.length, read: async () => data }],
    eventId: `web-${randomUUID()}`,
    receivedAt,
  };
}
