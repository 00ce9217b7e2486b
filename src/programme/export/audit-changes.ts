/** One value of a change, in words: "—" when absent; long text cut, as the cell is a summary. */
const MAX_VALUE_CHARS = 200;
const MAX_SUMMARY_CHARS = 4000;

// Bookkeeping every write changes: listing it would bury what actually changed.
const NOISE = new Set(['_id', 'workspaceId', 'version', 'updatedAt']);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v));

function leafText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'toHexString' in value) {
    return String((value as { toHexString(): string }).toHexString());
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * Every leaf of a value by its path ("milestones.accommodated.actual"). A list of plain values (a
 * group's leads) is one value, "none" when empty: item by item, adding a lead read "leads: [] → —;
 * leads[0]: — → U1", as if the list had gone (a try-out). A list of records says how many it holds,
 * and gives each record's fields by index.
 */
function leaves(value: unknown, named: Named, path = '', out = new Map<string, string>()): Map<string, string> {
  const text = (v: unknown) => {
    const shown = leafText(v);
    return typeof v === 'string' ? (named(shown) ?? shown) : shown;
  };
  if (value === null || value === undefined) {
    if (path) out.set(path, leafText(value));
  } else if (Array.isArray(value)) {
    const records = value.some((v) => isPlain(v) || Array.isArray(v));
    if (!records) {
      out.set(path || 'value', value.length === 0 ? 'none' : value.map(text).join(', '));
      return out;
    }
    out.set(path || 'value', `${value.length} ${value.length === 1 ? 'item' : 'items'}`);
    value.forEach((v, i) => leaves(v, named, `${path}[${i}]`, out));
  } else if (isPlain(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (!NOISE.has(key)) leaves(v, named, path ? `${path}.${key}` : key, out);
    }
  } else {
    out.set(path || 'value', text(value));
  }
  return out;
}

/** A person's name for a value that is one of the programme's people's chat user ids; undefined otherwise. */
export type Named = (value: string) => string | undefined;

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * What an audit entry changed, as one readable line: each field whose value differs, as
 * "path: before → after" ("—" for absent), in the order the record lists its fields.
 * It reads only the entry's before and after, never where the change came from. `named` gives a
 * person's name for their chat user id, so a group's leads read as people, not platform ids.
 */
export function describeChanges(before: unknown, after: unknown, named: Named = () => undefined): string {
  const was = leaves(before, named);
  const now = leaves(after, named);
  const paths = [...new Set([...was.keys(), ...now.keys()])];
  const parts = paths
    .filter((path) => was.get(path) !== now.get(path))
    .map((path) => {
      const from = cut(was.get(path) ?? '—', MAX_VALUE_CHARS);
      const to = cut(now.get(path) ?? '—', MAX_VALUE_CHARS);
      return `${path}: ${from} → ${to}`;
    });
  return cut(parts.join('; '), MAX_SUMMARY_CHARS);
}
