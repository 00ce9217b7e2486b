import { cellText } from './cell-value.js';
import type { CheckedMapping } from './column-mapping.js';
import { mappingKey } from './column-mapping.js';
import { milestoneOfHeader } from './header-milestones.js';
import { displayHeader } from './header-words.js';
import { identifierKindOf } from './identifier-columns.js';
import { isReferenceHeader } from './reference-column.js';
import { isTeamHeader } from './team-column.js';
import { identifierMapped } from './tracker-errors.js';
import type { TrackerColumn, TrackerSettings } from './tracker-types.js';

/** A column as first classified from its header alone; duplicates are settled later. */
export interface ClassifiedColumn extends TrackerColumn {
  /** The admin's mapping decided it, so the cells' contents do not overrule it. */
  fromMapping: boolean;
}

/**
 * What one header names. An identifier wins over everything, even the admin's mapping; then the
 * mapping; then a reference; then a milestone; anything else is ignored.
 */
function classifyHeader(
  header: string,
  settings: TrackerSettings,
  mapping: CheckedMapping,
): Pick<ClassifiedColumn, 'kind' | 'milestone' | 'identifier' | 'fromMapping'> {
  const identifier = identifierKindOf(header);
  const mapped = mapping.get(mappingKey(header));
  if (identifier) {
    if (mapped && mapped !== 'ignore') throw identifierMapped(header);
    return { kind: 'identifier', identifier, fromMapping: false };
  }
  if (mapped === 'ignore') return { kind: 'ignored', fromMapping: true };
  if (mapped) return { kind: 'milestone', milestone: mapped, fromMapping: true };
  if (isReferenceHeader(header)) return { kind: 'reference', fromMapping: false };
  if (isTeamHeader(header)) return { kind: 'team', fromMapping: false };
  const milestone = milestoneOfHeader(header, settings.catalogue);
  if (milestone) return { kind: 'milestone', milestone, fromMapping: false };
  return { kind: 'ignored', fromMapping: false };
}

/** The columns of a header row that have a heading, in file order. */
export function classifyColumns(
  sheet: string,
  headerCells: ReadonlyArray<unknown> | undefined,
  settings: TrackerSettings,
  mapping: CheckedMapping,
): ClassifiedColumn[] {
  const columns: ClassifiedColumn[] = [];
  for (let index = 1; index < (headerCells?.length ?? 0); index++) {
    const header = displayHeader(cellText(headerCells![index]));
    if (!header) continue;
    columns.push({ sheet, index, header, ...classifyHeader(header, settings, mapping) });
  }
  return columns;
}

/** Whether a classified header row has what a tracker needs: a reference and a milestone. */
export function isTrackerHeader(columns: readonly TrackerColumn[]): boolean {
  return (
    columns.some((c) => c.kind === 'reference') && columns.some((c) => c.kind === 'milestone')
  );
}

/**
 * One column per role: the first reference column is the reference, and each milestone is read
 * from one column, the one the admin mapped or else the first in file order. The others are
 * ignored (and so listed), since two dates for one milestone in a row could not both be right.
 */
export function settleDuplicates(columns: readonly ClassifiedColumn[]): ClassifiedColumn[] {
  const claimed = new Set<string>();
  const ignore = new Set<ClassifiedColumn>();
  for (const c of columns) if (c.kind === 'milestone' && c.fromMapping) claimed.add(c.milestone!);
  let reference = false;
  for (const c of columns) {
    if (c.kind === 'reference') {
      if (reference) ignore.add(c);
      reference = true;
    } else if (c.kind === 'milestone' && !c.fromMapping) {
      if (claimed.has(c.milestone!)) ignore.add(c);
      claimed.add(c.milestone!);
    }
  }
  const mappedTwice = new Set<string>();
  for (const c of columns) {
    if (c.kind !== 'milestone' || !c.fromMapping) continue;
    if (mappedTwice.has(c.milestone!)) ignore.add(c);
    mappedTwice.add(c.milestone!);
  }
  return columns.map((c) => {
    if (!ignore.has(c)) return c;
    const { milestone: _dropped, ...rest } = c;
    return { ...rest, kind: 'ignored' };
  });
}
